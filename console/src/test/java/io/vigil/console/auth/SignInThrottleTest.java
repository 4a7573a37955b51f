package io.vigil.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void anAccountIsLockedAfterFiveFailuresAndEachFurtherFailureDoublesTheWait() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("dsl", "10.0.0." + i);
            assertEquals(Optional.empty(), throttle.waitFor("dsl", "10.0.0.99"), "a person mistyping is not locked");
        }
        throttle.failed("DSL", "10.0.0.5");
        assertEquals(Optional.of(Duration.ofSeconds(30)), throttle.waitFor("dsl", "10.9.9.9"),
                "locked from every address, whatever the case");
        throttle.failed("dsl", "10.0.0.6");
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.waitFor("dsl", "10.9.9.9"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), throttle.waitFor("dsl", "10.9.9.9"));
        assertEquals(Optional.empty(), throttle.waitFor("someone.else", "10.0.0.6"), "others are unaffected");
    }

    @Test
    void theLockNeverExceedsFifteenMinutes() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("dsl", "10.0.0.1");
        }
        assertTrue(throttle.waitFor("dsl", "10.0.0.2").orElseThrow().compareTo(Duration.ofMinutes(15)) <= 0);
    }

    @Test
    void anAddressSprayingManyAccountsIsThrottledAfterThirtyFailures() {
        for (int i = 0; i < 29; i++) {
            throttle.failed("user" + i, "203.0.113.7");
        }
        assertEquals(Optional.empty(), throttle.waitFor("new.user", "203.0.113.7"));
        throttle.failed("user29", "203.0.113.7");
        assertTrue(throttle.waitFor("new.user", "203.0.113.7").isPresent());
        assertEquals(Optional.empty(), throttle.waitFor("new.user", "203.0.113.8"));
    }

    @Test
    void successClearsTheAccountsCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("dsl", "10.0.0.1");
        }
        throttle.succeeded("dsl");
        throttle.failed("dsl", "10.0.0.1");
        assertEquals(Optional.empty(), throttle.waitFor("dsl", "10.0.0.2"));
    }
}
