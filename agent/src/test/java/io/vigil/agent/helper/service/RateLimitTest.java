package io.vigil.agent.helper.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void aBurstIsAllowedThenOnePerRefill() {
        AtomicLong nanos = new AtomicLong();
        RateLimit limit = new RateLimit(3, 1_000, nanos::get);
        assertTrue(limit.tryTake());
        assertTrue(limit.tryTake());
        assertTrue(limit.tryTake());
        assertFalse(limit.tryTake());
        nanos.addAndGet(1_000);
        assertTrue(limit.tryTake());
        assertFalse(limit.tryTake());
        nanos.addAndGet(1_000_000); // a long quiet spell refills only up to the burst
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.tryTake());
        }
        assertFalse(limit.tryTake());
    }
}
