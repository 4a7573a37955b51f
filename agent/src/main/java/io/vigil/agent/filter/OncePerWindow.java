package io.vigil.agent.filter;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says yes to a key once per window. A browser looks a name up several times per visit (A, AAAA, HTTPS, and
 * again on retry); the filter records the visit once. Bounded: when full, it forgets everything, which at
 * worst records a visit twice.
 */
final class OncePerWindow {

    private final Duration window;
    private final int maxKeys;
    private final Map<String, Instant> last = new ConcurrentHashMap<>();

    OncePerWindow(Duration window, int maxKeys) {
        this.window = window;
        this.maxKeys = maxKeys;
    }

    boolean firstIn(String key, Instant now) {
        if (last.size() >= maxKeys) {
            last.clear();
        }
        boolean[] first = {false};
        last.compute(key, (k, previous) -> {
            if (previous == null || !now.isBefore(previous.plus(window)) || now.isBefore(previous)) {
                first[0] = true;
                return now;
            }
            return previous;
        });
        return first[0];
    }
}
