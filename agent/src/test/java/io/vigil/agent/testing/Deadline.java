package io.vigil.agent.testing;

import java.time.Duration;

/** Polling with a deadline instead of fixed sleeps: a short pause between tries, a failure when time is up. */
public final class Deadline {

    private final long endNanos;
    private final Duration limit;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
    }

    public static Deadline in(Duration limit) {
        return new Deadline(limit);
    }

    /** Throws if the deadline passed; otherwise yields briefly before the caller tries again. */
    public void check(String waitingFor) {
        if (System.nanoTime() - endNanos > 0) {
            throw new AssertionError("gave up after " + limit.toSeconds() + " s waiting for " + waitingFor);
        }
        try {
            Thread.sleep(20); // poll interval, not a wait for an event
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + waitingFor);
        }
    }
}
