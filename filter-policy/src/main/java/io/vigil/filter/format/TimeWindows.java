package io.vigil.filter.format;

import io.vigil.filter.TimeWindow;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Parses {@code window NAME DAYS HH:MM-HH:MM}, e.g. {@code window school-hours mon-fri 08:30-15:30}. */
final class TimeWindows {

    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private TimeWindows() {
    }

    static TimeWindow parse(String[] a, Consumer<String> problem) {
        if (a.length != 3) {
            problem.accept("window takes: NAME DAYS FROM-TO, e.g. school-hours mon-fri 08:30-15:30");
            return null;
        }
        Set<DayOfWeek> days = days(a[1], problem);
        String[] range = a[2].split("-");
        if (days == null) {
            return null;
        }
        if (range.length != 2) {
            problem.accept("time range \"" + a[2] + "\" must look like 08:30-15:30");
            return null;
        }
        try {
            LocalTime from = LocalTime.parse(range[0]);
            LocalTime to = range[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(range[1]);
            if (!from.isBefore(to)) {
                problem.accept("window " + a[0] + " ends before it starts; split an overnight window in two");
                return null;
            }
            return new TimeWindow(a[0], days, from, to);
        } catch (DateTimeParseException e) {
            problem.accept("time range \"" + a[2] + "\" must look like 08:30-15:30");
            return null;
        }
    }

    private static Set<DayOfWeek> days(String spec, Consumer<String> problem) {
        if (spec.equals("daily")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : spec.split(",")) {
            String[] ends = part.split("-");
            int from = DAYS.indexOf(ends[0]);
            int to = ends.length == 2 ? DAYS.indexOf(ends[1]) : from;
            if (ends.length > 2 || from < 0 || to < 0 || to < from) {
                problem.accept("days \"" + spec + "\" must look like mon-fri, sat,sun or daily");
                return null;
            }
            for (int d = from; d <= to; d++) {
                days.add(DayOfWeek.of(d + 1));
            }
        }
        return days;
    }
}
