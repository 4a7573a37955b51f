package io.vigil.console.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.testing.MutableClock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdleCompactionTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:45:00Z"));
    private final AtomicLong stored = new AtomicLong();
    private final AtomicInteger compactions = new AtomicInteger();
    private final IdleCompaction compaction = new IdleCompaction(stored::get, max -> {
        compactions.incrementAndGet();
        return 1;
    }, clock);

    private void later(int seconds) {
        clock.advance(java.time.Duration.ofSeconds(seconds));
    }

    @Test
    void compactsOnceWhenABurstHasBeenQuietLongEnough() {
        compaction.tick();
        stored.set(100_000);
        assertFalse(compaction.tick(), "the burst is still going");
        later(10);
        assertFalse(compaction.tick(), "quiet, but not for long enough");
        later((int) IdleCompaction.QUIET.toSeconds());
        assertTrue(compaction.tick());
        later(600);
        assertFalse(compaction.tick(), "nothing new was written since");
        assertEquals(1, compactions.get());
    }

    @Test
    void neverCompactsWhileAlertsKeepArriving() {
        compaction.tick();
        for (int i = 1; i <= 20; i++) {
            stored.addAndGet(1_000);
            later(10);
            assertFalse(compaction.tick());
        }
        assertEquals(0, compactions.get());
    }

    @Test
    void compactsAgainAfterTheNextBurst() {
        compaction.tick();
        stored.set(10);
        compaction.tick();
        later(31);
        assertTrue(compaction.tick());
        stored.set(20);
        compaction.tick();
        later(31);
        assertTrue(compaction.tick());
        assertEquals(2, compactions.get());
    }

    @Test
    void aConsoleThatStartsIdleDoesNotCompactForNothing() {
        compaction.tick();
        later(3600);
        assertFalse(compaction.tick());
    }
}
