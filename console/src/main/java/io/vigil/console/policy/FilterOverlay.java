package io.vigil.console.policy;

import java.time.Instant;
import java.util.Locale;

/**
 * A time-limited change to one school's policy for one person, delivered inside the signed policy and
 * enforced (and expired) by the device itself, so it ends on time even offline.
 *
 * @param category the blocked category opened to the user ({@link Kind#CATEGORY_ACCESS}); null for a suspension
 */
public record FilterOverlay(long schoolId, Kind kind, String username, String category, Instant validUntil,
                            String reason, String grantedBy, Instant grantedAt) {

    public enum Kind {
        /** A nominated user may reach a blocked category for an investigation (never the illegal lists). */
        CATEGORY_ACCESS,
        /** A pupil's internet is withdrawn: the built-in "suspended" group blocks everything. */
        SUSPENDED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    /** The policy lines that carry this overlay to devices. */
    String policyLines() {
        return switch (kind) {
            case CATEGORY_ACCESS -> "nominated " + username + "\ngrant " + username + " " + category + " until "
                    + validUntil + "\n";
            case SUSPENDED -> "suspend " + username + " until " + validUntil + "\n";
        };
    }
}
