package io.vigil.console.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing of enrolment tokens: after {@link #MAX_FAILURES} refused attempts from one network
 * address within {@link #WINDOW}, every attempt from it is refused until the window ends. Only failures count:
 * a school enrols hundreds of laptops from the one address its router shows the internet, and a rollout with
 * the right token must never be throttled.
 */
public final class FailedAttemptLimit {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    /** Addresses remembered at most; beyond it, expired windows are forgotten first (memory stays bounded). */
    private static final int MAX_TRACKED = 100_000;

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;

    public FailedAttemptLimit(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code address} must wait before trying again, or empty if it may try now. */
    public Optional<Duration> waitBefore(String address) {
        Window w = windows.get(address);
        Instant now = clock.instant();
        if (w == null || w.failures < MAX_FAILURES || !now.isBefore(w.start.plus(WINDOW))) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, w.start.plus(WINDOW)));
    }

    public void failed(String address) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> !now.isBefore(w.start.plus(WINDOW)));
        }
        windows.compute(address, (a, w) -> w == null || !now.isBefore(w.start.plus(WINDOW))
                ? new Window(now, 1) : new Window(w.start, w.failures + 1));
    }
}
