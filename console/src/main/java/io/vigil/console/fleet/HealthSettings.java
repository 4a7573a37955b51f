package io.vigil.console.fleet;

import io.vigil.console.domain.ConsoleException;
import java.time.Duration;

/**
 * How long a school's device may be silent before it is "not reporting".
 *
 * <p>The default is 4 days (96 hours). School laptops sit in charging trolleys from Friday afternoon to Monday
 * morning (about 65 hours), and a bank-holiday weekend stretches that to Tuesday morning (about 89 hours):
 * 3 days would raise an alert for every trolley in the school after each long weekend, and an alert that is
 * usually noise teaches the IT provider to ignore it. 4 days still catches a laptop that missed a whole school
 * week by its Thursday. Schools whose devices go home with pupils, or that want quiet during holidays, change it.
 */
public record HealthSettings(int silentHours) {

    public static final HealthSettings DEFAULTS = new HealthSettings(96);
    static final int MIN_HOURS = 1;
    static final int MAX_HOURS = 24 * 90;

    public HealthSettings {
        if (silentHours < MIN_HOURS || silentHours > MAX_HOURS) {
            throw new ConsoleException("'not reporting' after must be " + MIN_HOURS + " to " + MAX_HOURS
                    + " hours, not " + silentHours);
        }
    }

    public Duration silentAfter() {
        return Duration.ofHours(silentHours);
    }
}
