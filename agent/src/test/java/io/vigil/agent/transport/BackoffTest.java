package io.vigil.agent.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static void assertAround(long expectedMs, Duration actual) {
        long ms = actual.toMillis();
        assertTrue(ms >= expectedMs / 2 - 1 && ms <= expectedMs, "expected " + expectedMs / 2 + ".." + expectedMs
                + " got " + ms);
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

    @Test
    void devicesFailingTogetherSpreadTheirReconnectsOverHalfAStep() {
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int device = 0; device < 500; device++) {
            long ms = new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(60), new SplittableRandom(device)).nextDelay()
                    .toMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }
        assertTrue(max - min > 3000, "500 devices reconnect within " + (max - min) + " ms of each other");
    }
}
