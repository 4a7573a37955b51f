package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;

/** Deletes records past their retention period. Nothing under legal hold is ever deleted. */
public interface RetentionRepository {

    /**
     * Deletes the school's screenshots received before {@code before}, except those of alerts under legal hold.
     *
     * @return the uuids of the alerts whose screenshots were deleted
     */
    List<String> purgeScreenshots(long schoolId, Instant before);

    /**
     * Deletes the school's closed alerts that occurred before {@code before}, with their case records (notes,
     * referrals, history, screenshot), except those under legal hold. Open cases are never deleted.
     *
     * @return the uuids of the deleted alerts
     */
    List<String> purgeClosedAlerts(long schoolId, Instant before);
}
