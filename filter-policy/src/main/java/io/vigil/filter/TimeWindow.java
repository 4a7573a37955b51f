package io.vigil.filter;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/** A named weekly window such as school hours: days of the week and a time range [from, to) in school time. */
public record TimeWindow(String name, Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public boolean contains(ZonedDateTime schoolTime) {
        if (!days.contains(schoolTime.getDayOfWeek())) {
            return false;
        }
        LocalTime t = schoolTime.toLocalTime();
        return !t.isBefore(from) && t.isBefore(to);
    }
}
