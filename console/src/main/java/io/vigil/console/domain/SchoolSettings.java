package io.vigil.console.domain;

import java.time.Duration;

/**
 * A school's casework settings.
 *
 * @param screenshotDays      screenshots are deleted this many days after they arrive (default 30): evidence is
 *                            kept only as long as a case could need it
 * @param closedAlertDays     closed alerts, with their notes, referrals and history, are deleted this many days
 *                            after they occurred; open cases are never purged, nor cases under legal hold. The
 *                            default (7 years) is a placeholder to set to the school's records policy
 * @param repeatWindowMinutes alerts of one pupil in one category within this many minutes of each other are
 *                            shown as one inbox row with a count (0 turns grouping off)
 */
public record SchoolSettings(int screenshotDays, int closedAlertDays, int repeatWindowMinutes) {

    public static final SchoolSettings DEFAULTS = new SchoolSettings(30, 7 * 365, 24 * 60);

    public SchoolSettings {
        check(screenshotDays, 1, 3650, "screenshot retention (days)");
        check(closedAlertDays, 1, 36500, "closed alert retention (days)");
        check(repeatWindowMinutes, 0, 10080, "repeat window (minutes)");
    }

    public Duration repeatWindow() {
        return Duration.ofMinutes(repeatWindowMinutes);
    }

    private static void check(int value, int min, int max, String what) {
        if (value < min || value > max) {
            throw new InvalidCaseChangeException(what + " must be " + min + " to " + max + ", not " + value);
        }
    }
}
