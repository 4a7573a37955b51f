package io.vigil.filter;

import java.time.Instant;

/**
 * Time-limited access to one blocked category for a nominated user (a DSL investigating, say). Created and
 * logged by the console; here it is policy data that stops counting at {@code expires}.
 */
public record Grant(String user, String category, Instant expires) {

    public boolean activeAt(Instant at) {
        return at.isBefore(expires);
    }
}
