package io.vigil.console.lists;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.Actor;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.FourEyes;
import io.vigil.console.domain.Permission;
import io.vigil.console.policy.PolicySigner;
import io.vigil.console.policy.SignedPolicy;
import io.vigil.keywords.format.SourceFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes keyword lists with four eyes. A change to one school's own words is approved by a leader of that
 * school (DSL or headteacher, {@code changes.approve}); a change to the provider's lists affects every school and
 * is approved by a second provider approver ({@link Actor#providerApproverFor}). Nobody approves their own change
 * (the table refuses it too). On approval each affected school's bundle (provider lists + the school's words) is
 * compiled, signed and pushed over open sessions; devices that connect later get it after Hello.
 */
public final class KeywordListPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(KeywordListPublisher.class);
    /** Enough stored alerts for a meaningful count, bounded so a proposal answers in seconds. */
    static final int RETRO_TEST_ALERTS = 5_000;
    public static final Duration EMERGENCY_REVIEW_WITHIN = Duration.ofHours(24);

    private final KeywordListRepository lists;
    private final PolicySigner signer;
    private final ListPush push;
    private final AuditLog audit;
    private final Clock clock;
    private final Supplier<List<Long>> allSchools;

    public KeywordListPublisher(KeywordListRepository lists, PolicySigner signer, ListPush push, AuditLog audit,
                                Clock clock, Supplier<List<Long>> allSchools) {
        this.lists = lists;
        this.signer = signer;
        this.push = push;
        this.audit = audit;
        this.clock = clock;
        this.allSchools = allSchools;
    }

    /**
     * Validates an upload (the provider's complete set when {@code schoolId} is null, else the school's words),
     * computes the diff and retro-test, and stores it as a change waiting for a second person.
     *
     * @throws InvalidListsException every problem as file:line; nothing is stored then
     */
    public ListChange propose(Actor actor, Long schoolId, byte[] zip, String reason) {
        List<Long> affected = affected(actor, schoolId);
        List<SourceFile> layer = ListArchive.read(zip, schoolId == null);
        return store(actor, schoolId, "upload", layer, reason, "pending", null, affected);
    }

    /** Proposes an earlier version of the layer again (four eyes, like any change). */
    public ListChange proposeRollback(Actor actor, long toChangeId, String reason) {
        ListChange earlier = visible(actor, toChangeId);
        if (earlier.status().equals("pending") || earlier.status().equals("rejected")) {
            throw new ConsoleException("change " + toChangeId + " was never live; only a version that was live can be "
                    + "restored");
        }
        List<Long> affected = affected(actor, earlier.schoolId());
        return store(actor, earlier.schoolId(), "rollback", ListLayers.decode(lists.layer(toChangeId)),
                "roll back to change " + toChangeId + ": " + (reason == null ? "" : reason), "pending", null, affected);
    }

    /**
     * Emergency block of a term: live at once without a second person, marked emergency, and due for review by
     * a second approver within 24 hours ({@link EmergencyReviewCheck} flags it to leaders otherwise).
     */
    public ListChange emergencyBlock(Actor actor, Long schoolId, String category, String term, int severity,
                                     String reason) {
        if (!actor.may(Permission.LISTS_PUBLISH) && !actor.may(Permission.CHANGES_APPROVE)) {
            throw new ConsoleException("an emergency block needs lists.publish or changes.approve");
        }
        List<Long> affected = affected(actor, schoolId);
        String cleaned = term == null ? "" : term.strip();
        if (cleaned.isEmpty() || cleaned.length() > 100 || cleaned.contains("\"") || cleaned.chars().anyMatch(c -> c < 32)) {
            throw new InvalidListsException(List.of("term: 1-100 characters, no quotes or line breaks"));
        }
        if (severity < 1 || severity > 5 || category == null || !category.matches("[a-z0-9_]{1,64}")) {
            throw new InvalidListsException(List.of("category and severity 1-5 are required"));
        }
        Instant now = clock.instant();
        String rule = "term em." + now.getEpochSecond() + "." + Math.abs(cleaned.hashCode()) + " banned " + severity
                + " \"" + cleaned + "\"";
        List<SourceFile> layer = ListLayers.withLine(currentLayer(schoolId), category + ".vkl", rule);
        ListChange change = store(actor, schoolId, "emergency", layer, reason, "live",
                now.plus(EMERGENCY_REVIEW_WITHIN), affected);
        audit.record(actor.username(), AuditAction.POLICY_PUBLISH, "keyword_lists emergency change=" + change.id()
                + " category=" + category + " schools=" + affected.size());
        publish(change, affected);
        return change;
    }

    public ListChange approve(Actor approver, long changeId) {
        ListChange change = decidable(approver, changeId, "approve");
        String live = liveVersion(change.schoolId());
        if (!live.equals(change.baseVersion())) {
            throw new ConsoleException("the lists changed since change " + changeId + " was proposed (another change "
                    + "or an emergency block went live); reject it and propose again so the diff is current");
        }
        Map<Long, ListLayers.Compiled> bundles = compileAll(change.schoolId(), ListLayers.decode(lists.layer(changeId)),
                change.schools());
        if (!lists.decide(changeId, true, approver.username(), clock.instant())) {
            throw new ConsoleException("change " + changeId + " was decided by someone else meanwhile");
        }
        audit.record(approver.username(), AuditAction.POLICY_APPROVE, "keyword_lists change=" + changeId
                + " requested_by=" + change.requestedBy() + " version=" + change.layerVersion());
        bundles.forEach((school, compiled) -> sign(school, compiled, changeId));
        return lists.change(changeId).orElseThrow();
    }

    public void reject(Actor approver, long changeId, String reason) {
        ListChange change = decidable(approver, changeId, "reject");
        if (!lists.decide(changeId, false, approver.username(), clock.instant())) {
            throw new ConsoleException("change " + changeId + " was decided by someone else meanwhile");
        }
        audit.record(approver.username(), AuditAction.POLICY_REJECT, "keyword_lists change=" + changeId
                + " requested_by=" + change.requestedBy() + " reason="
                + (reason == null ? "" : reason.replaceAll("[\\r\\n]", " ")));
    }

    /** A second approver confirms an emergency change (the same people who could have approved it). */
    public ListChange review(Actor reviewer, long changeId) {
        ListChange change = visible(reviewer, changeId);
        if (!change.emergency() || change.reviewedBy() != null) {
            throw new ConsoleException("change " + changeId + " is not an emergency change waiting for review");
        }
        FourEyes.requireSecondPerson(reviewer, change, "review");
        if (!lists.review(changeId, reviewer.username(), clock.instant())) {
            throw new ConsoleException("change " + changeId + " was reviewed by someone else meanwhile");
        }
        audit.record(reviewer.username(), AuditAction.POLICY_APPROVE, "keyword_lists emergency review change="
                + changeId + " requested_by=" + change.requestedBy());
        return lists.change(changeId).orElseThrow();
    }

    private ListChange decidable(Actor approver, long changeId, String verb) {
        return FourEyes.requireDecidable(approver, visible(approver, changeId), verb);
    }

    /** A change the actor's schools are affected by; others are "not found", as if they did not exist. */
    private ListChange visible(Actor actor, long changeId) {
        return lists.change(changeId).filter(c -> c.schools().stream().anyMatch(actor.scope()::contains))
                .orElseThrow(() -> new ConsoleException("change " + changeId + " not found"));
    }

    private List<Long> affected(Actor actor, Long schoolId) {
        return FourEyes.affectedSchools(actor, schoolId, allSchools);
    }

    private ListChange store(Actor actor, Long schoolId, String action, List<SourceFile> layer, String reason,
                             String status, Instant reviewDue, List<Long> affected) {
        Map<Long, ListLayers.Compiled> proposed = compileAll(schoolId, layer, affected);
        // A provider change is shown as the provider's own rules changing (schools' words are theirs to review).
        ListLayers.Compiled before = schoolId == null ? ListLayers.compile(providerLayer(), List.of())
                : ListLayers.compile(providerLayer(), schoolLayer(schoolId));
        ListLayers.Compiled after = schoolId == null ? ListLayers.compile(layer, List.of()) : proposed.get(schoolId);
        ListDiff diff = ListDiff.between(before.set(), after.set());
        var stored = lists.storedMatches(affected, RETRO_TEST_ALERTS);
        RetroTest retro = RetroTest.run(after.engine(), stored);
        // The snippets are pupils' words, matched inside the console; only counts per rule are kept and shown.
        audit.record(actor.username(), AuditAction.POLICY_HISTORY_VIEW, "keyword_lists retro-test re-matched "
                + stored.size() + " stored alert snippet(s); counts per rule only");
        byte[] encoded = ListLayers.encode(layer);
        ListChange change = lists.add(new NewListChange(schoolId, action, encoded, ListLayers.versionOf(encoded),
                liveVersion(schoolId), diff, retro, reason == null ? "" : reason.strip(), actor.username(),
                clock.instant(), status, reviewDue, affected));
        audit.record(actor.username(), AuditAction.POLICY_CHANGE_REQUEST, "keyword_lists change=" + change.id()
                + " action=" + action + " " + (schoolId == null ? "provider-wide" : "school=" + schoolId) + " "
                + diff.summary());
        return change;
    }

    /** Every affected school's proposed bundle, or every problem (prefixed with the school for provider changes). */
    private Map<Long, ListLayers.Compiled> compileAll(Long schoolId, List<SourceFile> layer, List<Long> affected) {
        Map<Long, ListLayers.Compiled> out = new java.util.LinkedHashMap<>();
        java.util.Set<String> problems = new java.util.LinkedHashSet<>();
        for (long school : affected) {
            List<SourceFile> words = schoolId == null ? schoolLayer(school) : layer;
            try {
                out.put(school, ListLayers.compile(schoolId == null ? layer : providerLayer(), words));
            } catch (InvalidListsException e) {
                if (schoolId != null) {
                    throw e;
                }
                // The same problem in the provider's lists is reported once; one a school's words cause says so.
                e.problems().forEach(p -> problems.add(words.isEmpty() ? p : "with school " + school + "'s words: " + p));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidListsException(List.copyOf(problems));
        }
        return out;
    }

    private void publish(ListChange change, List<Long> affected) {
        List<SourceFile> layer = ListLayers.decode(lists.layer(change.id()));
        compileAll(change.schoolId(), layer, affected).forEach((school, compiled) -> sign(school, compiled, change.id()));
    }

    private void sign(long school, ListLayers.Compiled compiled, long changeId) {
        byte[] bytes = compiled.engine().bundleBytes();
        SignedPolicy signed = new SignedPolicy(compiled.version(), bytes, signer.sign(bytes), signer.activeKeyId());
        lists.publishBundle(school, signed, changeId, clock.instant());
        int sessions = push.pushLists(lists.deviceIdsOf(school), signed);
        LOG.info("Keyword lists {} for school {} (change {}) signed with key {} and pushed to {} open session(s)",
                signed.version(), school, changeId, signed.keyId(), sessions);
    }

    private List<SourceFile> currentLayer(Long schoolId) {
        return schoolId == null ? providerLayer() : schoolLayer(schoolId);
    }

    private List<SourceFile> providerLayer() {
        return lists.liveLayer(null).map(ListLayers::decode).orElseGet(ListLayers::shipped);
    }

    private List<SourceFile> schoolLayer(long schoolId) {
        return lists.liveLayer(schoolId).map(ListLayers::decode).orElse(List.of());
    }

    private String liveVersion(Long schoolId) {
        return ListLayers.versionOf(ListLayers.encode(currentLayer(schoolId)));
    }
}
