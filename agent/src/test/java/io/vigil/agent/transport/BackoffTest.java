package io.vigil.agent.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static void assertAround(long expectedMs, Duration actual) {
        long ms = actual.toMillis();
        assertTrue(ms >= expectedMs * 0.8 - 1 && ms <= expectedMs * 1.2 + 1, "expected ~" + expectedMs + " got " + ms);
    }

    @Test
    void delaysDoubleFromOneSecondUpToAMinuteWithJitter() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(1));
        long[] expected = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
        for (long e : expected) {
            assertAround(e, backoff.nextDelay());
        }
        backoff.reset();
        assertAround(1000, backoff.nextDelay());
        assertAround(60000, backoff.maxDelay());
    }
}
