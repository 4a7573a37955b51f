package io.vigil.console.policy;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.Actor;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.FourEyes;
import io.vigil.console.domain.Permission;
import io.vigil.filter.FilterPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Filter-policy changes with four eyes, on the keyword lists' model: a change to one school's policy is approved
 * by a leader of that school, a provider-wide change (the same policy for every school) by a second IT provider
 * approver ({@link FourEyes}); nobody approves their own (the table refuses it too). A rollback proposes an earlier
 * live version again. An emergency domain block is live at once, marked, and must be reviewed by a second
 * approver within 24 hours or is flagged to leaders. Requester, approver, reason and diff go to the change log
 * leaders and governors of every affected school read.
 */
public final class PolicyChangeFlow {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyChangeFlow.class);
    /** The same window as an emergency keyword block: one school day and night for a second person. */
    public static final Duration EMERGENCY_REVIEW_WITHIN = Duration.ofHours(24);

    private final FilterPolicyPublisher publisher;
    private final PolicyRepository policies;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<List<Long>> allSchools;

    public PolicyChangeFlow(FilterPolicyPublisher publisher, PolicyRepository policies, AuditLog audit, Clock clock,
                            Supplier<List<Long>> allSchools) {
        this.publisher = publisher;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
        this.allSchools = allSchools;
    }

    /**
     * Validates an upload for every affected school ({@code schoolId} null: every school) and stores it as a
     * change waiting for a second person. @throws InvalidPolicyException with every problem; nothing stored then
     */
    public PublishedPolicy propose(Actor actor, Long schoolId, String fileName, byte[] upload, String reason) {
        String name = fileName == null || fileName.isBlank() ? "policy" : fileName.strip();
        String base = FilterPolicyPublisher.uploadedBase(name, upload);
        List<Long> affected = FourEyes.affectedSchools(actor, schoolId, allSchools);
        Map<Long, String> documents = new LinkedHashMap<>();
        affected.forEach(school -> {
            publisher.requireValidFor(actor.username(), school, name, base);
            documents.put(school, base);
        });
        return store(actor, schoolId == null, "upload", name, reason, documents);
    }

    /** Proposes an earlier live version of one school's policy again (four eyes, like any change). */
    public PublishedPolicy proposeRollback(Actor actor, long versionId, String reason) {
        PolicyChange earlier = policies.change(versionId)
                .filter(c -> actor.scope().contains(c.version().schoolId()))
                .orElseThrow(() -> new ConsoleException("version " + versionId + " not found"));
        String status = earlier.version().status();
        if (!status.equals("live") && !status.equals("superseded")) {
            throw new ConsoleException("version " + versionId + " was never live; only a version that was live can "
                    + "be restored");
        }
        long school = earlier.version().schoolId();
        FourEyes.affectedSchools(actor, school, allSchools);
        String base = FilterPolicyPublisher.baseOf(earlier.document());
        if (base.equals(liveBase(school))) {
            throw new ConsoleException("version " + versionId + " is what school " + school + " runs now");
        }
        publisher.requireValidFor(actor.username(), school, earlier.version().fileName(), base);
        return store(actor, false, "rollback", earlier.version().fileName(), "roll back to version " + versionId
                + ": " + (reason == null ? "" : reason.strip()), Map.of(school, base));
    }

    /**
     * Blocks a domain at once for one school or every school ({@code schoolId} null), without a second person:
     * signed, pushed over open sessions, marked emergency and due for review within 24 hours.
     */
    public PolicyChangeEntry emergencyBlock(Actor actor, Long schoolId, String domainInput, String reason) {
        if (!actor.may(Permission.LISTS_PUBLISH) && !actor.may(Permission.CHANGES_APPROVE)) {
            throw new ConsoleException("an emergency block needs lists.publish or changes.approve");
        }
        String domain = EmergencyDomain.validate(domainInput);
        if (reason == null || reason.isBlank()) {
            throw new ConsoleException("reason: required (it goes in the change log and the audit log)");
        }
        List<Long> affected = FourEyes.affectedSchools(actor, schoolId, allSchools);
        Map<Long, String> documents = new LinkedHashMap<>();
        Map<Long, SignedPolicy> signed = new LinkedHashMap<>();
        Map<Long, List<String>> diffs = new LinkedHashMap<>();
        for (long school : affected) {
            String before = liveBase(school);
            String after = EmergencyDomain.block(before, domain);
            signed.put(school, publisher.signFor(actor.username(), school, "policy", after));
            documents.put(school, after);
            diffs.put(school, PolicyDiff.between(before, after));
        }
        Instant now = clock.instant();
        long id = policies.addChange(new NewPolicyChange(schoolId == null, "emergency", "policy", reason.strip(),
                actor.username(), now, now.plus(EMERGENCY_REVIEW_WITHIN), documents, signed, diffs));
        audit.record(actor.username(), AuditAction.POLICY_PUBLISH, "filter_policy emergency change=" + id
                + " domain=" + domain + " schools=" + affected.size());
        signed.forEach((school, policy) -> LOG.info("Emergency block of {} for school {} (change {}): policy {} "
                + "pushed to {} open session(s)", domain, school, id, policy.version(),
                publisher.pushTo(school, policy)));
        return policies.changeEntry(id).orElseThrow();
    }

    /** A second person approves: every affected school's policy is signed, made live and pushed. */
    public PublishedPolicy approve(Actor approver, long changeId) {
        PolicyChangeEntry change = pending(approver, changeId, "approve");
        Map<Long, SignedPolicy> signed = new LinkedHashMap<>();
        for (PolicyChange v : policies.versionsOf(change.id())) {
            signed.put(v.version().schoolId(), publisher.signFor(approver.username(), v.version().schoolId(),
                    v.version().fileName(), v.document()));
        }
        if (!policies.decideChange(change.id(), signed, approver.username(), clock.instant())) {
            throw new ConsoleException("change " + changeId + " was decided by someone else meanwhile");
        }
        audit.record(approver.username(), AuditAction.POLICY_APPROVE, "filter_policy change=" + change.id()
                + " requested_by=" + change.requestedBy() + " schools=" + signed.size());
        signed.forEach((school, policy) -> LOG.info("Filter policy change {} (requested by {}) approved by {}; "
                + "version {} for school {} pushed to {} open session(s)", change.id(), change.requestedBy(),
                approver.username(), policy.version(), school, publisher.pushTo(school, policy)));
        return policies.change(change.id()).orElseThrow().version();
    }

    public void reject(Actor approver, long changeId, String reason) {
        PolicyChangeEntry change = pending(approver, changeId, "reject");
        if (!policies.decideChange(change.id(), Map.of(), approver.username(), clock.instant())) {
            throw new ConsoleException("change " + changeId + " was decided by someone else meanwhile");
        }
        audit.record(approver.username(), AuditAction.POLICY_REJECT, "filter_policy change=" + change.id()
                + " requested_by=" + change.requestedBy() + " reason="
                + (reason == null ? "" : reason.replaceAll("[\\r\\n]", " ")));
    }

    /** A second approver confirms an emergency block (the same people who could have approved it). */
    public PolicyChangeEntry review(Actor reviewer, long changeId) {
        PolicyChangeEntry change = visible(reviewer, changeId);
        if (!change.emergency() || change.reviewedBy() != null) {
            throw new ConsoleException("change " + changeId + " is not an emergency block waiting for review");
        }
        FourEyes.requireSecondPerson(reviewer, change, "review");
        if (!policies.reviewChange(change.id(), reviewer.username(), clock.instant())) {
            throw new ConsoleException("change " + changeId + " was reviewed by someone else meanwhile");
        }
        audit.record(reviewer.username(), AuditAction.POLICY_APPROVE, "filter_policy emergency review change="
                + change.id() + " requested_by=" + change.requestedBy());
        return policies.changeEntry(change.id()).orElseThrow();
    }

    private PublishedPolicy store(Actor actor, boolean providerWide, String action, String name, String reason,
                                  Map<Long, String> documents) {
        Map<Long, List<String>> diffs = new LinkedHashMap<>();
        documents.forEach((school, base) -> diffs.put(school, PolicyDiff.between(liveBase(school), base)));
        long id = policies.addChange(new NewPolicyChange(providerWide, action, name,
                reason == null ? "" : reason.strip(), actor.username(), clock.instant(), null, documents, Map.of(),
                diffs));
        audit.record(actor.username(), AuditAction.POLICY_CHANGE_REQUEST, "filter_policy change=" + id + " action="
                + action + " " + (providerWide ? "provider-wide" : "school=" + documents.keySet().iterator().next())
                + " lines_changed=" + diffs.values().iterator().next().size());
        return policies.change(id).orElseThrow().version();
    }

    private PolicyChangeEntry pending(Actor approver, long changeId, String verb) {
        return FourEyes.requireDecidable(approver, visible(approver, changeId), verb);
    }

    /** A change (named by its id or any of its versions') affecting the actor's schools; others are "not found". */
    private PolicyChangeEntry visible(Actor actor, long id) {
        return policies.changeOf(id).flatMap(policies::changeEntry)
                .filter(c -> c.schools().stream().anyMatch(actor.scope()::contains))
                .orElseThrow(() -> new ConsoleException("change " + id + " not found"));
    }

    /** The school's live base document, or the built-in default its devices enforce until one is approved. */
    private String liveBase(long school) {
        return publisher.liveBase(school).orElseGet(PolicyChangeFlow::builtInDefault);
    }

    private static String builtInDefault() {
        try (InputStream in = FilterPolicy.class.getResourceAsStream("default-policy.vfp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in default filter policy cannot be read", e);
        }
    }
}
