package io.vigil.agent.tamper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.TamperEventRecord;
import io.vigil.agent.alert.TamperEventRecord.Kind;
import io.vigil.agent.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TamperReporterTest {

    private final List<DeviceRecord> spooled = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T09:00:00Z"));
    private final TamperReporter reporter = new TamperReporter(spooled::add, () -> "pupil.one", clock, 3,
            Duration.ofHours(24));

    private List<AlertRecord> alerts() {
        return spooled.stream().filter(r -> r instanceof AlertRecord).map(r -> (AlertRecord) r).toList();
    }

    @Test
    void everyEventIsSpooledForItAndTheThirdInADayAlsoRaisesOneDslAlert() {
        reporter.report(Kind.HELPER_STOPPED, "helper killed", null);
        reporter.report(Kind.CONFIG_CHANGED, "config changed", null);
        assertEquals(List.of(), alerts());
        reporter.report(Kind.DNS_CHANGED, "dns changed", "pupil.two");
        reporter.report(Kind.HELPER_STOPPED, "helper killed again", null);
        assertEquals(4, spooled.stream().filter(r -> r instanceof TamperEventRecord).count());
        assertEquals("pupil.two", ((TamperEventRecord) spooled.get(2)).user());
        List<AlertRecord> dsl = alerts();
        assertEquals(1, dsl.size(), "one DSL alert per window");
        assertEquals("filter_bypass", dsl.getFirst().category());
        assertEquals(3, dsl.getFirst().severity());
        assertEquals("Monitoring on this device was tampered with 3 times in 24 h (latest: dns changed). See the "
                + "device's tamper events.", dsl.getFirst().snippet());
    }

    @Test
    void eventsSpreadOverMoreThanTheWindowRaiseNoDslAlert() {
        for (int i = 0; i < 5; i++) {
            reporter.report(Kind.HELPER_STOPPED, "helper killed", null);
            clock.set(clock.instant().plus(Duration.ofHours(13)));
        }
        assertFalse(spooled.stream().anyMatch(r -> r instanceof AlertRecord));
    }
}
