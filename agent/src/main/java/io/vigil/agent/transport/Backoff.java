package io.vigil.agent.transport;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect delay with jitter. The jitter (+-20%) keeps a school's few hundred laptops
 * from reconnecting in lock-step when the console comes back after an outage.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;
    private Duration next;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
        this.next = initial;
    }

    /** The delay to wait now; each call doubles the following one up to the maximum. */
    Duration nextDelay() {
        Duration base = next;
        next = base.multipliedBy(2).compareTo(max) > 0 ? max : base.multipliedBy(2);
        double factor = 0.8 + 0.4 * random.nextDouble();
        return Duration.ofMillis(Math.max(1, (long) (base.toMillis() * factor)));
    }

    /** The longest delay, for failures that retrying soon cannot fix (a rejected credential). */
    Duration maxDelay() {
        next = max;
        return nextDelay();
    }

    void reset() {
        next = initial;
    }
}
