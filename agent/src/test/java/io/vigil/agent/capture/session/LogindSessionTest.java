package io.vigil.agent.capture.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LogindSessionTest {

    private static final String ACTIVE = "Name=amy\nActive=yes\nLockedHint=no\nState=active\n";

    private final List<List<String>> calls = new ArrayList<>();
    private String answer = ACTIVE;
    private long now;

    private final LogindSession.Command loginctl = argv -> {
        calls.add(argv);
        if (answer == null) {
            throw new IOException("loginctl exited with 1");
        }
        return answer;
    };

    private LogindSession open(Map<String, String> env) {
        return LogindSession.open(env, loginctl, () -> now).orElseThrow();
    }

    private void later() {
        now += LogindSession.REFRESH_NANOS;
    }

    @Test
    void asksForTheAgentsOwnSessionAndNamesItsUser() {
        LogindSession s = open(Map.of("XDG_SESSION_ID", "c2"));
        assertEquals(List.of("loginctl", "show-session", "c2", "-p", "Name", "-p", "Active", "-p", "LockedHint",
                "-p", "State"), calls.getFirst());
        assertEquals("amy", s.currentUser());
        assertEquals(Optional.empty(), s.lockedBecause());
    }

    @Test
    void withoutASessionIdTheCallersSessionIsAsked() {
        open(Map.of());
        assertEquals("auto", calls.getFirst().get(2));
    }

    @Test
    void lockedHintAndASessionNotInFrontBothStopCapture() {
        LogindSession s = open(Map.of());
        answer = "Name=amy\nActive=yes\nLockedHint=yes\nState=active\n";
        later();
        assertEquals(Optional.of("screen locked (logind LockedHint)"), s.lockedBecause());
        answer = "Name=amy\nActive=no\nLockedHint=no\nState=online\n";
        later();
        assertTrue(s.lockedBecause().orElseThrow().contains("not in front"));
    }

    @Test
    void isAskedAtMostOncePerRefreshInterval() {
        LogindSession s = open(Map.of());
        for (int i = 0; i < 10; i++) {
            s.lockedBecause();
            s.currentUser();
            now += TimeUnit.MILLISECONDS.toNanos(100);
        }
        assertEquals(1, calls.size());
        later();
        s.lockedBecause();
        assertEquals(2, calls.size());
    }

    @Test
    void aFailureAfterItWorkedCountsAsLockedUntilItAnswersAgain() {
        LogindSession s = open(Map.of());
        answer = null;
        later();
        assertThrows(UncheckedIOException.class, s::lockedBecause);
        now += 1; // between refreshes the failure still holds
        assertThrows(UncheckedIOException.class, s::lockedBecause);
        answer = ACTIVE;
        later();
        assertEquals(Optional.empty(), s.lockedBecause());
    }

    @Test
    void noLogindMeansTheSignalIsNotUsedAtAll() {
        answer = null;
        assertTrue(LogindSession.open(Map.of(), loginctl, () -> now).isEmpty());
        answer = "";
        assertTrue(LogindSession.open(Map.of(), loginctl, () -> now).isEmpty(), "no session named");
    }
}
