package io.vigil.console.fleet;

import io.vigil.console.domain.ConsoleException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a new enrolment token stops working, as typed by the IT provider: a period from now ({@code 7d},
 * {@code 12h}) or a date ({@code 2026-12-31}: the token works to the end of that day, UTC).
 */
public final class TokenExpiry {

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})([dh])");
    /** A token that outlives a school year is a token nobody remembers to revoke. */
    static final Duration LONGEST = Duration.ofDays(400);

    private TokenExpiry() {
    }

    public static Instant parse(String text, Instant now) {
        String value = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        Instant at;
        Matcher m = PERIOD.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            at = now.plus(m.group(2).equals("d") ? Duration.ofDays(n) : Duration.ofHours(n));
        } else {
            try {
                at = LocalDate.parse(value).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new ConsoleException("expiry '" + text + "' is not understood: give a period such as 7d or 12h,"
                        + " or a date such as 2026-12-31");
            }
        }
        if (!at.isAfter(now)) {
            throw new ConsoleException("expiry '" + text + "' is not in the future");
        }
        if (at.isAfter(now.plus(LONGEST))) {
            throw new ConsoleException("expiry '" + text + "' is more than " + LONGEST.toDays() + " days away;"
                    + " make a new token each school year instead");
        }
        return at;
    }
}
