package io.vigil.agent.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Reads {@link CaptureSettings} from the config file's properties; every bad value names its key. */
final class CaptureSettingsParser {

    static final String KEYBOARD = "capture.keyboard";
    static final String WINDOWS = "capture.windows";
    static final String WINDOW_POLL_MS = "capture.windows.poll_ms";
    static final String SIGNIN_TITLE_PATTERN = "privacy.signin.title_pattern";
    static final String SIGNIN_APPS = "privacy.signin.apps";
    static final String SCREENSHOT_CATEGORIES = "screenshot.categories";
    static final String SCREENSHOT_MIN_SEVERITY = "screenshot.min_severity";
    static final String SCREENSHOT_NEVER = "screenshot.never";
    static final Set<String> KEYS = Set.of(KEYBOARD, WINDOWS, WINDOW_POLL_MS, SIGNIN_TITLE_PATTERN, SIGNIN_APPS,
            SCREENSHOT_CATEGORIES, SCREENSHOT_MIN_SEVERITY, SCREENSHOT_NEVER);

    private CaptureSettingsParser() {
    }

    static CaptureSettings parse(Properties p) {
        CaptureSettings d = CaptureSettings.DEFAULTS;
        boolean keyboard = bool(p, KEYBOARD, d.keyboard());
        boolean windows = bool(p, WINDOWS, d.windows());
        Duration poll = Duration.ofMillis(intIn(p, WINDOW_POLL_MS, (int) d.windowPoll().toMillis(), 100, 60_000));
        List<Pattern> titles = List.of();
        String pattern = p.getProperty(SIGNIN_TITLE_PATTERN, "").strip();
        if (!pattern.isEmpty()) {
            try {
                titles = List.of(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("key '" + SIGNIN_TITLE_PATTERN + "': not a valid regular expression: "
                        + e.getDescription());
            }
        }
        Set<String> never = list(p, SCREENSHOT_NEVER);
        Set<String> shots = list(p, SCREENSHOT_CATEGORIES);
        Set<String> refused = new TreeSet<>(shots);
        refused.retainAll(union(never, CaptureSettings.NEVER_IMAGERY));
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("key '" + SCREENSHOT_CATEGORIES + "': " + refused
                    + " can never have screenshots (a screenshot could itself be an indecent image of a child)");
        }
        if (shots.contains(CaptureSettings.ALL) && shots.size() > 1) {
            throw new IllegalArgumentException("key '" + SCREENSHOT_CATEGORIES + "': 'all' cannot be combined with names");
        }
        int minSeverity = intIn(p, SCREENSHOT_MIN_SEVERITY, d.screenshotMinSeverity(), 1, 5);
        return new CaptureSettings(keyboard, windows, poll, titles, list(p, SIGNIN_APPS), shots, minSeverity, never);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Set<String> list(Properties p, String key) {
        String value = p.getProperty(key, "");
        return Arrays.stream(value.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty() && !s.equals("none")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean bool(Properties p, String key, boolean fallback) {
        String value = p.getProperty(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("key '" + key + "': '" + value.strip()
                    + "' is not true or false");
        };
    }

    private static int intIn(Properties p, String key, int fallback, int min, int max) {
        String value = p.getProperty(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw new IllegalArgumentException("key '" + key + "': " + n + " is outside " + min + "-" + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("key '" + key + "': '" + value.strip() + "' is not a whole number");
        }
    }
}
