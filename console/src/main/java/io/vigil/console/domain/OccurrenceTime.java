package io.vigil.console.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a device says something happened. A time in the future is clamped to the time the console received it,
 * not refused: a refused record is set aside on the device and never reaches the DSL, and a pupil's alert
 * must not be lost because a school laptop's clock is wrong. Left alone, a far-future time would pin the alert
 * to the top of every "newest first" list for years.
 */
public final class OccurrenceTime {

    /** Clocks on school laptops drift; a few minutes ahead is ordinary and kept as sent. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private OccurrenceTime() {
    }

    /** {@code occurred} unless it is more than {@link #TOLERANCE} after {@code received}; then {@code received}. */
    public static Instant clamp(Instant occurred, Instant received) {
        return occurred.isAfter(received.plus(TOLERANCE)) ? received : occurred;
    }
}
