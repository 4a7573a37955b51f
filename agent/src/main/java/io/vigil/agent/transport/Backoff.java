package io.vigil.agent.transport;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect delay with jitter. Each delay is drawn from the upper half of the current step
 * ([base/2, base]): after a console outage a school's few hundred laptops, which all failed at about the same
 * moment, spread their reconnects over half a step instead of arriving in lock-step, while no device waits
 * less than half the intended back-off.
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
        double factor = 0.5 + 0.5 * random.nextDouble();
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
