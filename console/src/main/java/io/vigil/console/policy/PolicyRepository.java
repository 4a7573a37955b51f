package io.vigil.console.policy;

import io.vigil.console.domain.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Policy versions, what is live per school, and what each device runs. Versions are immutable: a new upload
 * is a new row, and "live" is a pointer that moves.
 */
public interface PolicyRepository {

    /** Stores a signed version and makes it the school's live policy in one transaction. */
    PublishedPolicy publish(long schoolId, String fileName, String document, SignedPolicy signed, String actor,
                            Instant at);

    /**
     * Stores a change as one version per affected school sharing one change id: pending, or live at once (signed,
     * superseding each school's live version) for an emergency block, in one transaction. @return the change id
     */
    long addChange(NewPolicyChange change);

    /** A version by id with its document, whatever its status. */
    Optional<PolicyChange> change(long id);

    /** The change a stored version belongs to (a provider-wide change has one version per school). */
    Optional<Long> changeOf(long versionId);

    /** A change as the change log shows it. */
    Optional<PolicyChangeEntry> changeEntry(long changeId);

    /** Every version of a change, with its document. */
    List<PolicyChange> versionsOf(long changeId);

    /**
     * Makes every pending version of a change live with its signed (final) document, superseding each school's
     * live version, or rejects them all ({@code signed} empty), in one transaction.
     *
     * @return false when the change is no longer pending (decided meanwhile)
     */
    boolean decideChange(long changeId, Map<Long, SignedPolicy> signed, String decider, Instant at);

    /** A second person's review of an emergency change. @return false when already reviewed */
    boolean reviewChange(long changeId, String reviewer, Instant at);

    /** Emergency changes not reviewed by {@code due} and not flagged yet. */
    List<PolicyChangeEntry> unreviewedEmergencies(Instant due);

    void flagChange(long changeId, Instant at);

    /** Changes affecting any school of the scope, newest first, each with the diff of a school in the scope. */
    List<PolicyChangeEntry> changeLog(Scope scope, int max);

    /** The school's live filter policy, if any. */
    Optional<SignedPolicy> live(long schoolId);

    /** The live filter policy of the device's school, if any. */
    Optional<SignedPolicy> liveForDevice(String deviceId);

    /** Newest first. */
    List<PublishedPolicy> history(Scope scope, int max);

    List<String> deviceIdsOf(long schoolId);

    void recordApplied(String deviceId, String version, boolean ok, String error, Instant at);

    /** Status of each device in the scope that has reported, by device id. */
    Map<String, DevicePolicyStatus> statuses(Scope scope);
}
