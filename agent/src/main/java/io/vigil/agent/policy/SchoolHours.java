package io.vigil.agent.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The school day, by weekday, in the school's time zone (Europe/London unless configured), so that the
 * clocks going forward or back move the hours with them.
 */
public record SchoolHours(ZoneId zone, Map<DayOfWeek, List<Span>> days) {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** Monday to Friday, 08:00 to 16:30: a typical school day with time either side for clubs. */
    public static final SchoolHours DEFAULTS = weekdays(LONDON, new Span(LocalTime.of(8, 0), LocalTime.of(16, 30)));

    /** From {@code start} (inclusive) to {@code end} (exclusive), on the same day. */
    public record Span(LocalTime start, LocalTime end) {
        public Span {
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException(start + "-" + end + " does not end after it starts");
            }
        }

        boolean contains(LocalTime t) {
            return !t.isBefore(start) && t.isBefore(end);
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    public SchoolHours {
        Objects.requireNonNull(zone);
        Map<DayOfWeek, List<Span>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, spans) -> copy.put(day, List.copyOf(spans)));
        days = java.util.Collections.unmodifiableMap(copy);
    }

    public static SchoolHours weekdays(ZoneId zone, Span span) {
        Map<DayOfWeek, List<Span>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            days.put(d, List.of(span));
        }
        return new SchoolHours(zone, days);
    }

    public boolean contains(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.getOrDefault(local.getDayOfWeek(), List.of()).stream().anyMatch(s -> s.contains(time));
    }
}
