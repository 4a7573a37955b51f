package io.vigil.console.lists;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.policy.PolicyChangeEntry;
import io.vigil.console.policy.PolicyRepository;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flags emergency changes nobody reviewed within 24 hours, keyword-list term blocks and filter-policy domain
 * blocks alike: marked in the change log leaders and governors read (shown as urgent there), audited and logged. Run by the console's scheduler; the clock is injected so tests
 * move time instead of waiting for it.
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

    /** @return the changes flagged by this run */
    public List<ListChange> check() {
        var now = clock.instant();
        List<ListChange> overdue = lists.unreviewedEmergencies(now);
        for (ListChange c : overdue) {
            lists.flag(c.id(), now);
            audit.record(ACTOR, AuditAction.POLICY_REFUSED, "keyword_lists emergency change=" + c.id()
                    + " by " + c.requestedBy() + " not reviewed by " + c.reviewDue() + "; flagged to leaders");
            LOG.warn("Emergency keyword-list change {} by {} was not reviewed by a second approver by {}; flagged to "
                    + "the leaders of {} school(s)", c.id(), c.requestedBy(), c.reviewDue(), c.schools().size());
        }
        return overdue;
    }

    /** @return the emergency domain blocks flagged by this run */
    public List<PolicyChangeEntry> checkPolicies() {
        var now = clock.instant();
        List<PolicyChangeEntry> overdue = policies.unreviewedEmergencies(now);
        for (PolicyChangeEntry c : overdue) {
            policies.flagChange(c.id(), now);
            audit.record(ACTOR, AuditAction.POLICY_REFUSED, "filter_policy emergency change=" + c.id()
                    + " by " + c.requestedBy() + " not reviewed by " + c.reviewDue() + "; flagged to leaders");
            LOG.warn("Emergency domain block {} by {} was not reviewed by a second approver by {}; flagged to the "
                    + "leaders of {} school(s)", c.id(), c.requestedBy(), c.reviewDue(), c.schools().size());
        }
        return overdue;
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
