package io.vigil.console.domain;

/**
 * What {@code /api/health} tells monitoring besides "up".
 *
 * @param databaseBytes size of the database on disk (the H2 data file, or PostgreSQL's database), -1 if unknown:
 *     a number that only grows means compaction has stopped and the disk will fill
 * @param alertsWaiting alerts received and not yet stored by the group commit
 * @param deviceSessions device sessions open now
 */
public record HealthReport(long databaseBytes, int alertsWaiting, int deviceSessions) {

    public static final HealthReport UNKNOWN = new HealthReport(-1, 0, 0);
}
