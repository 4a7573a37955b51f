package io.vigil.console.fleet;

import io.vigil.console.domain.School;
import io.vigil.console.domain.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds devices silent for longer than their school allows and raises one "not reporting" IT alert per
 * silence; clears it for devices heard from again (a Hello clears it at once too, see {@link DeviceHealth}).
 * Run by a scheduler; it reads the time only from its {@link Clock}, so tests move the clock and call
 * {@link #check()} instead of waiting.
 */
public final class SilenceWatch {

    private static final Logger LOG = LoggerFactory.getLogger(SilenceWatch.class);

    private final FleetRepository fleet;
    private final Supplier<List<School>> schools;
    private final Clock clock;

    public SilenceWatch(FleetRepository fleet, Supplier<List<School>> schools, Clock clock) {
        this.fleet = fleet;
        this.schools = schools;
        this.clock = clock;
    }

    /** @return the alerts raised by this check */
    public List<ItAlert> check() {
        Instant now = clock.instant();
        List<ItAlert> raised = new java.util.ArrayList<>();
        for (School school : schools.get()) {
            var silentAfter = fleet.healthSettings(school.id()).orElse(HealthSettings.DEFAULTS).silentAfter();
            Instant cutoff = now.minus(silentAfter);
            fleet.clearHeardSince(school.id(), ItAlert.NOT_REPORTING, cutoff, now);
            for (ItAlert alert : fleet.raiseNotReporting(school.id(), cutoff, now)) {
                LOG.warn("Device {} ({}) of {} is not reporting: {}", alert.deviceId(), Text.forLog(alert.hostname()),
                        Text.forLog(school.name()), alert.detail());
                raised.add(alert);
            }
        }
        return raised;
    }
}
