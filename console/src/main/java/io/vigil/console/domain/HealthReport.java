package io.vigil.console.domain;

import java.time.Duration;

/**
 * What {@code /api/health} tells monitoring besides "up".
 *
 * @param databaseBytes size of the database on disk (the H2 data file, or PostgreSQL's database), -1 if unknown:
 *     a number that only grows means compaction has stopped and the disk will fill
 * @param alertsWaiting alerts received and not yet stored by the group commit
 * @param deviceSessions device sessions open now
 * @param databaseReachable whether the database answered at the last check
 * @param checkedAgo how long ago the database was last checked (its size read with it); null when nothing checks
 * @param problem what is wrong, in one sentence for whoever is on call; null when healthy
 */
public record HealthReport(long databaseBytes, int alertsWaiting, int deviceSessions, boolean databaseReachable,
                           Duration checkedAgo, String problem) {

    /** For a web layer started without a console behind it (tests of routes and access alone). */
    public static final HealthReport UNKNOWN = new HealthReport(-1, 0, 0, true, null, null);

    public boolean healthy() {
        return problem == null;
    }
}
