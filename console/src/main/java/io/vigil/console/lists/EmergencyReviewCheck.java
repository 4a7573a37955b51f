package io.vigil.console.lists;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.policy.PolicyChangeEntry;
import io.vigil.console.policy.PolicyRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flags emergency changes nobody reviewed within 24 hours, keyword-list term blocks and filter-policy domain
 * blocks alike: marked in the change log leaders and governors read (shown as urgent there), audited and logged.
 * Run by the console's scheduler; the clock is injected so tests move time instead of waiting for it.
 */
public final class EmergencyReviewCheck implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(EmergencyReviewCheck.class);
    static final String ACTOR = "system";

    private final KeywordListRepository lists;
    private final PolicyRepository policies;
    private final AuditLog audit;
    private final Clock clock;

    public EmergencyReviewCheck(KeywordListRepository lists, PolicyRepository policies, AuditLog audit, Clock clock) {
        this.lists = lists;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the keyword-list changes flagged by this run */
    public List<ListChange> check() {
        var now = clock.instant();
        List<ListChange> overdue = lists.unreviewedEmergencies(now);
        overdue.forEach(c -> flag("keyword_lists", new Overdue(c.id(), c.requestedBy(), c.reviewDue(),
                c.schools().size()), id -> lists.flag(id, now)));
        return overdue;
    }

    /** @return the emergency domain blocks (filter policy) flagged by this run */
    public List<PolicyChangeEntry> checkPolicies() {
        var now = clock.instant();
        List<PolicyChangeEntry> overdue = policies.unreviewedEmergencies(now);
        overdue.forEach(c -> flag("filter_policy", new Overdue(c.id(), c.requestedBy(), c.reviewDue(),
                c.schools().size()), id -> policies.flagChange(id, now)));
        return overdue;
    }

    private record Overdue(long id, String requestedBy, Instant reviewDue, int schools) {
    }

    private void flag(String kind, Overdue c, LongConsumer flagger) {
        flagger.accept(c.id());
        audit.record(ACTOR, AuditAction.POLICY_REFUSED, kind + " emergency change=" + c.id() + " by "
                + c.requestedBy() + " not reviewed by " + c.reviewDue() + "; flagged to leaders");
        LOG.warn("Emergency {} change {} by {} was not reviewed by a second approver by {}; flagged to the leaders of "
                + "{} school(s)", kind, c.id(), c.requestedBy(), c.reviewDue(), c.schools());
    }

    @Override
    public void run() {
        try {
            check();
            checkPolicies();
        } catch (RuntimeException e) {
            LOG.error("Emergency review check failed; it runs again at the next interval", e);
        }
    }
}
