package io.vigil.console.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Device;
import io.vigil.console.domain.DeviceFacts;
import io.vigil.console.domain.HeartbeatFigures;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeviceStateTest {

    private static final Instant FRIDAY_AFTERNOON = Instant.parse("2026-12-04T15:30:00Z");
    private static final Duration DEFAULT = HealthSettings.DEFAULTS.silentAfter();

    private static DeviceRecord device(Instant lastSeen, Instant revokedAt) {
        return new DeviceRecord(new Device("dev-1", 1, "Oak", new DeviceFacts("LAPTOP", "Linux", "6", "", "1"), "",
                FRIDAY_AFTERNOON.minus(Duration.ofDays(30)), lastSeen), new HeartbeatFigures(0, 0, "", ""), null, "",
                null, revokedAt, revokedAt == null ? null : "it.lee");
    }

    @Test
    void aLaptopInTheTrolleyOverABankHolidayWeekendIsStillActive() {
        Instant tuesdayMorning = Instant.parse("2026-12-08T08:45:00Z");
        assertEquals(DeviceState.ACTIVE, DeviceState.of(device(FRIDAY_AFTERNOON, null), DEFAULT, tuesdayMorning));
    }

    @Test
    void aLaptopSilentForMoreThanFourDaysIsNotReporting() {
        assertEquals(DeviceState.NOT_REPORTING, DeviceState.of(device(FRIDAY_AFTERNOON, null), DEFAULT,
                FRIDAY_AFTERNOON.plus(Duration.ofHours(96))));
    }

    @Test
    void aDeviceNeverSeenCountsFromItsEnrolment() {
        assertEquals(DeviceState.NOT_REPORTING, DeviceState.of(device(null, null), DEFAULT, FRIDAY_AFTERNOON));
    }

    @Test
    void revokedWinsOverSilence() {
        assertEquals(DeviceState.REVOKED, DeviceState.of(device(null, FRIDAY_AFTERNOON), DEFAULT,
                FRIDAY_AFTERNOON));
    }

    @Test
    void theThresholdIsBounded() {
        assertThrows(ConsoleException.class, () -> new HealthSettings(0));
        assertThrows(ConsoleException.class, () -> new HealthSettings(24 * 91));
        assertEquals(Duration.ofHours(24), new HealthSettings(24).silentAfter());
    }
}
