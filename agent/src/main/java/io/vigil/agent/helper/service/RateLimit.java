package io.vigil.agent.helper.service;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code burst} alerts at once, then one per {@code refillNanos}. A genuine pupil session
 * raises a handful of alerts an hour; a helper that sends hundreds is broken or hostile, and must not fill the
 * spool or flood the DSL's inbox.
 */
public final class RateLimit {

    private final int burst;
    private final long refillNanos;
    private final LongSupplier nanos;
    private double tokens;
    private long last;

    public RateLimit(int burst, long refillNanos, LongSupplier nanos) {
        this.burst = burst;
        this.refillNanos = refillNanos;
        this.nanos = nanos;
        this.tokens = burst;
        this.last = nanos.getAsLong();
    }

    public synchronized boolean tryTake() {
        long now = nanos.getAsLong();
        tokens = Math.min(burst, tokens + (double) (now - last) / refillNanos);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
