package io.vigil.filter;

import java.time.Instant;

/** A pupil placed in the suspended group (internet withdrawn) until {@code expires}; it lapses by itself. */
public record Suspension(String user, Instant expires) {

    public boolean activeAt(Instant at) {
        return at.isBefore(expires);
    }
}
