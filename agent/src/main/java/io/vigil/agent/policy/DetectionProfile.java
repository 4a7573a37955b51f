package io.vigil.agent.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How much a finding needs to alert for one age or role: the least severity that alerts, and per category a
 * different least severity or {@code off}. Like e2guardian's per-group limits and the "age appropriate" criterion
 * of the UK Safer Internet Centre's monitoring definitions: a KS1 pupil alerts on language a sixth former's profile
 * ignores, and a member of staff's profile skips what concerns pupils only. It never raises a severity and never
 * changes what the lists find: it only decides whether a finding becomes an alert for this user.
 *
 * @param name        the profile's name in config ({@code ks1} ... {@code staff})
 * @param minSeverity findings below this severity (1-5) do not alert
 * @param categories  category id -> least severity for it (1-5), or {@link #OFF} for never
 * @param thresholdPercent percent of each list's score threshold that weighted signals must reach (25-400; 100 as
 *                    the lists are written): e2guardian's "naughtiness limit", lower for younger pupils
 */
public record DetectionProfile(Name name, int minSeverity, Map<String, Integer> categories, int thresholdPercent) {

    /** Measured on the labelled corpus's hard negatives: 75% keeps false alerts at 2.9% (50% would be 19.9%). */
    public static final int KS1_THRESHOLD_PERCENT = 75;

    /** A profile with the lists' own thresholds. */
    public DetectionProfile(Name name, int minSeverity, Map<String, Integer> categories) {
        this(name, minSeverity, categories, 100);
    }

    /** A category this profile never alerts on. */
    public static final int OFF = 6;

    /** The five profiles a school can give its groups, each tunable in config; {@code all} is today's behaviour. */
    public enum Name {
        ALL, KS1, KS2, KS3, KS4, STAFF;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Name parse(String text) {
            for (Name n : values()) {
                if (n.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return n;
                }
            }
            throw new IllegalArgumentException("'" + text.strip() + "' is not a detection profile ("
                    + String.join(", ", Arrays.stream(values()).map(Name::id).toList()) + ")");
        }
    }

    public DetectionProfile {
        Objects.requireNonNull(name);
        categories = Map.copyOf(categories);
        if (thresholdPercent < 25 || thresholdPercent > 400) {
            throw new IllegalArgumentException("threshold percent " + thresholdPercent + " is outside 25-400");
        }
        if (minSeverity < 1 || minSeverity > 5) {
            throw new IllegalArgumentException("least severity " + minSeverity + " is outside 1-5");
        }
        categories.forEach((category, least) -> {
            if (least < 1 || least > OFF) {
                throw new IllegalArgumentException("category " + category + ": least severity " + least + " is outside 1-5");
            }
        });
    }

    /**
     * The built-in profiles. KS1 and KS2 (ages 5-11) alert on everything the lists find, and KS1 (ages 5-7) already
     * at three quarters of a list's score threshold (one weighted grooming move such as being asked their age
     * by a stranger is nearer to enough for a six-year-old); KS3 (11-14) from severity 2;
     * KS4 and sixth form (14-18) from 2, with sharing personal information and filter bypass only from 3 (older pupils
     * share a handle and try a VPN routinely; the DSL still sees an address given to a stranger); staff from 3,
     * without filter bypass and personal information (their job). {@code all}: every finding, as before profiles.
     */
    public static DetectionProfile builtIn(Name name) {
        return switch (name) {
            case ALL, KS2 -> new DetectionProfile(name, 1, Map.of());
            case KS1 -> new DetectionProfile(name, 1, Map.of(), KS1_THRESHOLD_PERCENT);
            case KS3 -> new DetectionProfile(name, 2, Map.of());
            case KS4 -> new DetectionProfile(name, 2, Map.of("personal_info", 3, "filter_bypass", 3));
            case STAFF -> new DetectionProfile(name, 3, Map.of("personal_info", OFF, "filter_bypass", OFF));
        };
    }

    /** Whether a finding of this category and severity becomes an alert for a user with this profile. */
    public boolean alerts(String category, int severity) {
        return severity >= categories.getOrDefault(category, minSeverity);
    }

    /** For logs: "ks4 (from severity 2; personal_info from 3, filter_bypass from 3)". */
    public String describe() {
        List<String> parts = categories.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + (e.getValue() == OFF ? " off" : " from " + e.getValue())).toList();
        return name.id() + " (from severity " + minSeverity + (parts.isEmpty() ? "" : "; " + String.join(", ", parts))
                + (thresholdPercent == 100 ? "" : "; thresholds at " + thresholdPercent + "%") + ")";
    }
}
