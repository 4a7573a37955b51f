package io.vigil.console.notify;

import io.vigil.console.domain.InvalidCaseChangeException;
import java.time.Duration;

/**
 * When a school's alerts count as urgent enough to tell someone, and how long the person told has to acknowledge
 * before the next person on call is told.
 *
 * @param minSeverity          alerts at or above this severity are emailed (default 5, imminent risk only: an
 *                             email for every severity-3 alert would teach staff to ignore the emails)
 * @param escalateAfterMinutes unacknowledged this long after the email went, the next person is told (default 10)
 */
public record UrgentSettings(int minSeverity, int escalateAfterMinutes) {

    public static final UrgentSettings DEFAULTS = new UrgentSettings(5, 10);

    public UrgentSettings {
        if (minSeverity < 1 || minSeverity > 5) {
            throw new InvalidCaseChangeException("urgent severity must be 1 to 5, not " + minSeverity);
        }
        if (escalateAfterMinutes < 1 || escalateAfterMinutes > 1440) {
            throw new InvalidCaseChangeException("escalation delay must be 1 to 1440 minutes, not "
                    + escalateAfterMinutes);
        }
    }

    public Duration escalateAfter() {
        return Duration.ofMinutes(escalateAfterMinutes);
    }
}
