package io.vigil.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T08:45:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AtomicReference<DatabaseCheck> database =
            new AtomicReference<>(new DatabaseCheck(true, 4096, null));
    private final HealthMonitor monitor = new HealthMonitor(timeout -> database.get(), () -> 7, () -> 3, clock);

    @Test
    void reportsTheLastCheckWithItsAgeAndTheLiveCounters() {
        monitor.checkNow();
        now.set(now.get().plusMillis(700));
        var report = monitor.report();
        assertTrue(report.healthy());
        assertEquals(4096, report.databaseBytes());
        assertEquals(Duration.ofMillis(700), report.checkedAgo());
        assertEquals(7, report.alertsWaiting());
        assertEquals(3, report.deviceSessions());
    }

    @Test
    void anUnreachableDatabaseIsAProblem() {
        database.set(new DatabaseCheck(false, -1, "Connection refused"));
        monitor.checkNow();
        var report = monitor.report();
        assertFalse(report.healthy());
        assertFalse(report.databaseReachable());
        assertEquals("the database did not answer; see the console log", report.problem());
    }

    @Test
    void lastGoodFiguresAreNotPassedOffAsCurrentOnceTheCheckIsOverdue() {
        monitor.checkNow();
        now.set(now.get().plus(HealthMonitor.STALE_AFTER));
        assertTrue(monitor.report().healthy(), "exactly at the limit it still vouches");
        now.set(now.get().plusSeconds(1));
        var report = monitor.report();
        assertFalse(report.healthy());
        assertTrue(report.problem().contains("overdue"), report.problem());
    }

    @Test
    void aProbeThatThrowsIsReportedNotPropagated() {
        var throwing = new HealthMonitor(timeout -> {
            throw new IllegalStateException("pool closed");
        }, () -> 0, () -> 0, clock);
        throwing.checkNow();
        assertEquals("the database did not answer; see the console log", throwing.report().problem());
    }

    @Test
    void beforeAnyCheckHealthSaysSo() {
        var report = monitor.report();
        assertFalse(report.healthy());
        assertNull(report.checkedAgo());
    }
}
