package io.vigil.agent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.KeyTyped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Crossing the end and start of the school day with a hand-moved clock, no waiting. */
class ScopeGateTest {

    private static final class HandClock implements InstantSource {
        Instant now = Instant.parse("2026-11-23T16:29:58Z"); // Monday, two seconds before 16:30 in London

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final AtomicInteger pauses = new AtomicInteger();
    private final ScopeGate gate = new ScopeGate(new MonitoringScope(
            Map.of(MonitoringGroup.PUPILS, MonitoringScope.When.SCHOOL_HOURS), SchoolHours.DEFAULTS),
            MonitoringGroup.PUPILS, clock, pauses::incrementAndGet);
    private final List<CaptureEvent> captured = new ArrayList<>();
    /** What the agent puts between a capture source and its queue. */
    private final Consumer<CaptureEvent> source = e -> {
        if (gate.open()) {
            captured.add(e);
        }
    };

    @Test
    void nothingIsCapturedAfterTheSchoolDayEndsAndCaptureResumesNextMorning() {
        type("help ");
        clock.now = clock.now.plus(Duration.ofSeconds(2)); // 16:30:00
        type("after hours");
        assertEquals("help ", text(), "keys after the boundary never reach the queue");
        assertEquals(1, pauses.get(), "leaving scope pauses once: the line typed inside scope is finished");

        clock.now = Instant.parse("2026-11-24T08:00:00Z");
        type("me");
        assertEquals("help me", text());
        assertEquals(1, pauses.get());
    }

    @Test
    void aPeriodicCheckNoticesTheBoundaryWhenNobodyTypes() {
        assertTrue(gate.open());
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        gate.check();
        assertEquals(1, pauses.get());
        gate.check();
        assertEquals(1, pauses.get(), "one pause per boundary, not per check");
    }

    @Test
    void aUserOfAnAlwaysMonitoredGroupIsCapturedAfterHours() {
        clock.now = Instant.parse("2026-11-23T20:00:00Z");
        assertFalse(gate.open());
        gate.userGroup(MonitoringGroup.GUESTS);
        assertTrue(gate.open());
        assertTrue(gate.describe().startsWith("capturing"), gate.describe());
    }

    private void type(String s) {
        s.chars().forEach(c -> source.accept(new KeyTyped((char) c)));
    }

    private String text() {
        StringBuilder b = new StringBuilder();
        captured.forEach(e -> b.append(((KeyTyped) e).character()));
        return b.toString();
    }

    @Test
    void newSettingsFromTheServiceRescopeAtOnceAndPauseLikeABoundary() {
        type("inside ");
        gate.rescope(new MonitoringScope(Map.of(MonitoringGroup.PUPILS, MonitoringScope.When.NEVER),
                SchoolHours.DEFAULTS), MonitoringGroup.PUPILS);
        type("never monitored");
        assertEquals("inside ", text());
        assertEquals(1, pauses.get(), "the line typed before the change is finished");

        gate.rescope(new MonitoringScope(Map.of(MonitoringGroup.STAFF, MonitoringScope.When.ALWAYS),
                SchoolHours.DEFAULTS), MonitoringGroup.STAFF);
        clock.now = Instant.parse("2026-11-23T22:00:00Z"); // after hours: only "always" covers it
        type("again");
        assertEquals("inside again", text());
        assertEquals(MonitoringGroup.STAFF, gate.group());
    }
}
