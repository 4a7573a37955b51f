package io.vigil.agent.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringScopeTest {

    private static final MonitoringScope SCHOOL_HOURS_FOR_PUPILS = new MonitoringScope(Map.of(
            MonitoringGroup.PUPILS, MonitoringScope.When.SCHOOL_HOURS, MonitoringGroup.STAFF, MonitoringScope.When.NEVER),
            SchoolHours.DEFAULTS);

    @Test
    void schoolHoursStartInclusiveAndEndExclusiveInLondonTime() {
        // Monday 23 November 2026: GMT, so London time is UTC.
        assertFalse(pupils("2026-11-23T07:59:59Z"));
        assertTrue(pupils("2026-11-23T08:00:00Z"));
        assertTrue(pupils("2026-11-23T16:29:59Z"));
        assertFalse(pupils("2026-11-23T16:30:00Z"));
    }

    @Test
    void summerTimeMovesTheHoursWithTheClocks() {
        // Monday 15 June 2026: BST, so 08:00 in London is 07:00 UTC.
        assertFalse(pupils("2026-06-15T06:59:59Z"));
        assertTrue(pupils("2026-06-15T07:00:00Z"));
        assertFalse(pupils("2026-06-15T15:30:00Z"));
    }

    @Test
    void weekendsAreOutsideDefaultSchoolHours() {
        assertFalse(pupils("2026-11-28T10:00:00Z")); // Saturday
        assertFalse(pupils("2026-11-29T10:00:00Z")); // Sunday
    }

    @Test
    void alwaysAndNeverIgnoreTheClock() {
        assertTrue(SCHOOL_HOURS_FOR_PUPILS.covers(MonitoringGroup.GUESTS, Instant.parse("2026-11-29T03:00:00Z")),
                "groups not configured are always monitored");
        assertFalse(SCHOOL_HOURS_FOR_PUPILS.covers(MonitoringGroup.STAFF, Instant.parse("2026-11-23T10:00:00Z")));
    }

    private static boolean pupils(String at) {
        return SCHOOL_HOURS_FOR_PUPILS.covers(MonitoringGroup.PUPILS, Instant.parse(at));
    }
}
