package io.vigil.agent.filter.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.health.Capabilities;
import io.vigil.agent.health.CapabilityBoard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checker is injected: what the console is told when the filter leaves the DNS path and comes back. */
class InPathMonitorTest {

    private static final String NOT_IN_PATH = "the system resolver does not send look-ups to the filter";

    private Optional<String> answer = Optional.empty();
    private int reports;
    private final CapabilityBoard board = new CapabilityBoard(
            new Capabilities(List.of("filter.dns", InPathCheck.CAPABILITY), Map.of()));
    private final InPathMonitor monitor = new InPathMonitor(() -> answer, Optional.empty(), (capability, problem) -> {
        reports++;
        board.update(capability, problem);
    });

    @Test
    void leavingThePathIsReportedUnavailableAndComingBackClearsIt() {
        answer = Optional.of(NOT_IN_PATH);
        monitor.recheck();
        assertEquals(Map.of(InPathCheck.CAPABILITY, NOT_IN_PATH), board.now().unavailable());
        assertFalse(board.now().available().contains(InPathCheck.CAPABILITY));

        answer = Optional.empty();
        monitor.recheck();
        assertEquals(Map.of(), board.now().unavailable());
        assertTrue(board.now().available().contains(InPathCheck.CAPABILITY));
    }

    @Test
    void anUnchangedAnswerIsReportedOnlyOnce() {
        monitor.recheck();
        assertEquals(0, reports, "in the path at start and still: nothing to tell");
        answer = Optional.of(NOT_IN_PATH);
        monitor.recheck();
        monitor.recheck();
        assertEquals(1, reports);
    }

    @Test
    void aCheckerThatFailsCountsAsNotInThePath() {
        InPathMonitor failing = new InPathMonitor(() -> {
            throw new IllegalStateException("resolver gone");
        }, Optional.empty(), board::update);
        failing.recheck();
        assertTrue(board.now().unavailable().get(InPathCheck.CAPABILITY).contains("resolver gone"));
    }
}
