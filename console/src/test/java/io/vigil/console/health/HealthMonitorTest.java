package io.vigil.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:45:00Z"));
    private final AtomicReference<DatabaseCheck> database =
            new AtomicReference<>(new DatabaseCheck(true, 4096, null));
    private final HealthMonitor monitor = new HealthMonitor(timeout -> database.get(), () -> 7, () -> 3, clock);

    @Test
    void reportsTheLastCheckWithItsAgeAndTheLiveCounters() {
        monitor.checkNow();
        clock.advance(java.time.Duration.ofMillis(700));
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
        clock.advance(HealthMonitor.STALE_AFTER);
        assertTrue(monitor.report().healthy(), "exactly at the limit it still vouches");
        clock.advance(java.time.Duration.ofSeconds(1));
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
