package io.vigil.console.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The daily purge: for each school, deletes what its {@link SchoolSettings} say is past keeping, and reports what
 * went so the caller can log and audit it. Time comes from the injected clock, so tests move it rather than wait.
 */
public final class RetentionPurge {

    /** What one run deleted in one school. */
    public record Removed(long schoolId, List<String> screenshotsOf, List<String> alerts) {
        public Removed {
            screenshotsOf = List.copyOf(screenshotsOf);
            alerts = List.copyOf(alerts);
        }

        public boolean nothing() {
            return screenshotsOf.isEmpty() && alerts.isEmpty();
        }

        /** For the log and the audit log: counts, then the alert ids. */
        public String describe() {
            return "school=" + schoolId + " screenshots=" + screenshotsOf.size() + " " + screenshotsOf
                    + " closedAlerts=" + alerts.size() + " " + alerts;
        }
    }

    private final SchoolRepository schools;
    private final SchoolSettingsRepository settings;
    private final RetentionRepository records;
    private final Clock clock;

    public RetentionPurge(SchoolRepository schools, SchoolSettingsRepository settings, RetentionRepository records,
                          Clock clock) {
        this.schools = schools;
        this.settings = settings;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Runs once over every school.
     *
     * @param report called for each school where something was deleted (log it, audit it)
     */
    public List<Removed> run(BiConsumer<Long, Removed> report) {
        Instant now = clock.instant();
        List<Removed> all = new ArrayList<>();
        for (School school : schools.schools()) {
            SchoolSettings s = settings.of(school.id());
            Removed removed = new Removed(school.id(),
                    records.purgeScreenshots(school.id(), now.minus(Duration.ofDays(s.screenshotDays()))),
                    records.purgeClosedAlerts(school.id(), now.minus(Duration.ofDays(s.closedAlertDays()))));
            if (!removed.nothing()) {
                report.accept(school.id(), removed);
                all.add(removed);
            }
        }
        return all;
    }
}
