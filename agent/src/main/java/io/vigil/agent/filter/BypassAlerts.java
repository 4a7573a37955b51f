package io.vigil.agent.filter;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns bypass attempts into DSL alerts without flooding: a user's attempts are counted in a window that
 * starts at their first attempt; the {@code threshold}-th attempt in it raises ONE alert, and further attempts
 * in the same window raise nothing. Decided on the agent, so it works offline and the console is not sent
 * hundreds of alerts by a VPN app retrying every second.
 */
public final class BypassAlerts {

    /** Three tries in an hour is more than a mistyped link; a VPN client retrying is far more. */
    public static final int DEFAULT_THRESHOLD = 3;
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private final int threshold;
    private final Duration window;
    private final Map<String, Attempts> byUser = new HashMap<>();

    private static final class Attempts {
        Instant windowStart;
        int count;
        boolean alerted;
    }

    public BypassAlerts(int threshold, Duration window) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
        this.window = window;
    }

    /** Records an attempt; returns how many attempts the alert stands for when one is due, else 0. */
    public synchronized int attempt(String user, Instant at) {
        Attempts a = byUser.computeIfAbsent(user, u -> new Attempts());
        if (a.windowStart == null || !at.isBefore(a.windowStart.plus(window))) {
            a.windowStart = at;
            a.count = 0;
            a.alerted = false;
        }
        a.count++;
        if (!a.alerted && a.count >= threshold) {
            a.alerted = true;
            return a.count;
        }
        return 0;
    }
}
