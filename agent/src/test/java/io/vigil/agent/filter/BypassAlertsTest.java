package io.vigil.agent.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BypassAlertsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void hundredsOfAttemptsInOneWindowRaiseOneAlert() {
        BypassAlerts alerts = new BypassAlerts(3, Duration.ofHours(1));
        int raised = 0;
        for (int i = 0; i < 300; i++) {
            if (alerts.attempt("alice", T0.plusSeconds(i)) > 0) {
                raised++;
            }
        }
        assertEquals(1, raised);
    }

    @Test
    void theThresholdthAttemptRaisesItCountingTheAttempts() {
        BypassAlerts alerts = new BypassAlerts(3, Duration.ofHours(1));
        assertEquals(0, alerts.attempt("alice", T0));
        assertEquals(0, alerts.attempt("alice", T0.plusSeconds(60)));
        assertEquals(3, alerts.attempt("alice", T0.plusSeconds(120)));
    }

    @Test
    void eachUserAndEachWindowIsSeparate() {
        BypassAlerts alerts = new BypassAlerts(2, Duration.ofHours(1));
        alerts.attempt("alice", T0);
        assertEquals(0, alerts.attempt("bob", T0), "bob's first attempt");
        assertEquals(2, alerts.attempt("alice", T0.plusSeconds(1)));
        assertEquals(0, alerts.attempt("alice", T0.plus(Duration.ofHours(1))), "a new window starts afresh");
        assertEquals(2, alerts.attempt("alice", T0.plus(Duration.ofHours(1)).plusSeconds(1)), "and may alert again");
    }
}
