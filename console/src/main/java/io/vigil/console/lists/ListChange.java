package io.vigil.console.lists;

import io.vigil.console.domain.PublishedChange;
import java.time.Instant;
import java.util.List;

/**
 * One change to a layer of keyword lists, as the change log shows it.
 *
 * @param schoolId   the school whose own words change, or {@code null} for the provider's lists (every school)
 * @param action     {@code upload}, {@code emergency} or {@code rollback}
 * @param status     {@code pending}, {@code rejected}, {@code live} or {@code superseded}
 * @param reviewDue  for an emergency change: when a second approver must have reviewed it
 * @param flaggedAt  when an unreviewed emergency change was flagged to leaders
 * @param schools    every school the change affects (its change log lists it)
 */
public record ListChange(long id, Long schoolId, String action, String layerVersion, String baseVersion,
                         String reason, String requestedBy, Instant requestedAt, String status, String decidedBy,
                         Instant decidedAt, Instant reviewDue, String reviewedBy, Instant reviewedAt,
                         Instant flaggedAt, List<Long> schools, ListDiff diff, RetroTest retroTest)
        implements PublishedChange {

    public ListChange {
        schools = List.copyOf(schools);
    }

    @Override
    public boolean providerWide() {
        return schoolId == null;
    }

    public boolean emergency() {
        return action.equals("emergency");
    }
}
