package io.vigil.console.filtering;

import io.vigil.console.domain.Scope;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which filtering records to read: always within a scope of schools (an empty scope reads nothing), for one
 * pupil and/or one device, in {@code [from, to)}.
 */
public record FilteringQuery(Scope scope, Optional<String> user, Optional<String> deviceId, Instant from,
                             Instant to, int limit) {

    public static final int MAX_LIMIT = 1000;

    public FilteringQuery {
        Objects.requireNonNull(scope);
        Objects.requireNonNull(user);
        Objects.requireNonNull(deviceId);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        limit = Math.clamp(limit, 1, MAX_LIMIT);
    }

    /** For the audit log: who and what was looked at, never the results. */
    public String describe() {
        return "user=" + user.orElse("*") + " device=" + deviceId.orElse("*") + " from=" + from + " to=" + to
                + " schools=" + scope.schoolIds();
    }
}
