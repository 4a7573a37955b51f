package io.vigil.console.config;

import io.vigil.console.domain.ConsoleException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code --idle-timeout} values such as {@code 20m}, {@code 90s} or {@code 1h}. */
public final class IdleTimeout {

    /** Shorter locks a DSL out mid-sentence while writing up a concern. */
    public static final Duration MIN = Duration.ofMinutes(1);
    /** Longer leaves an unattended screen signed in over a lunch break and more. */
    public static final Duration MAX = Duration.ofHours(8);

    private static final Pattern FORM = Pattern.compile("(\\d{1,6})([smh])");

    private IdleTimeout() {
    }

    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new ConsoleException("'" + text + "' is not a duration: write e.g. 20m, 90s or 1h");
        }
        long amount = Long.parseLong(m.group(1));
        Duration value = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            throw new ConsoleException("must be between 1m and 8h, was " + text);
        }
        return value;
    }
}
