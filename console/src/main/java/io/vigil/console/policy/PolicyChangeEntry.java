package io.vigil.console.policy;

import io.vigil.console.domain.PublishedChange;
import java.time.Instant;
import java.util.List;

/**
 * One filter-policy change as the shared change log shows it, next to keyword-list changes.
 *
 * @param id           the change (the id of its first stored version); decisions and reviews name it
 * @param providerWide made for every school by the IT provider (decided by a second provider approver)
 * @param action       {@code upload}, {@code emergency}, {@code rollback} or {@code overlay} (grants/suspensions)
 * @param status       {@code pending}, {@code rejected}, {@code live} (for at least one school) or {@code superseded}
 * @param diff         lines added ({@code + }) and removed ({@code - }) against the live policy of one school
 * @param reviewDue    for an emergency block: when a second approver must have reviewed it
 * @param flaggedAt    when an unreviewed emergency block was flagged to leaders
 * @param schools      every school the change affects
 */
public record PolicyChangeEntry(long id, boolean providerWide, String action, String status, String reason,
                                List<String> diff, String requestedBy, Instant requestedAt, String decidedBy,
                                Instant decidedAt, Instant reviewDue, String reviewedBy, Instant reviewedAt,
                                Instant flaggedAt, List<Long> schools) implements PublishedChange {

    public PolicyChangeEntry {
        diff = List.copyOf(diff);
        schools = List.copyOf(schools);
    }

    public boolean emergency() {
        return action.equals("emergency");
    }

    /** The school of a one-school change; null for a provider-wide one. */
    @Override
    public Long schoolId() {
        return providerWide ? null : schools.getFirst();
    }
}
