package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable casework on alerts. Every method takes the reader's {@link Scope}: an alert of another school is
 * reported exactly as one that does not exist.
 */
public interface CaseworkRepository {

    /** The alert with this uuid, if it belongs to a school in {@code scope}. */
    Optional<StoredAlert> alert(String uuid, Scope scope);

    /** The alert's case, if the alert belongs to a school in {@code scope}. */
    Optional<CaseRecord> caseOf(String uuid, Scope scope);

    /**
     * Makes the change and appends it to the alert's history in one transaction, and queues the alert for
     * re-indexing on every console node (status and assignee are searchable).
     *
     * @return false if there is no such alert in {@code scope}
     */
    boolean apply(String uuid, Scope scope, CaseChange change, String actor, Instant at);

    /**
     * Stores a concern logged by hand as an alert with no device, its first history line saying who logged it, and
     * queues it for every node's index.
     *
     * @return the new alert's uuid
     */
    String logIncident(NewIncident incident, String uuid, String actor, Instant at);

    /** The school's name as the console knows it. */
    String schoolName(long schoolId);

    /** The same user's alerts in the same school raised before {@code alert} that {@code scope} may read, newest first. */
    List<StoredAlert> earlierAlertsOfUser(StoredAlert alert, Scope scope, int max);

    /** Per rule id: how many closed alerts it contributed to, and how many of those were false positives. */
    List<RulePrecision> rulePrecision(Scope scope);
}
