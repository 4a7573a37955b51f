package io.vigil.filter;

import java.time.ZonedDateTime;

/**
 * One {@code block} line of a group: a set of categories, always or only inside/outside a time window.
 *
 * @param window  {@code null} for "always"
 * @param outside true for {@code outside WINDOW}, false for {@code during WINDOW}
 */
public record BlockRule(long categories, TimeWindow window, boolean outside) {

    public boolean activeAt(ZonedDateTime schoolTime) {
        return window == null || window.contains(schoolTime) != outside;
    }

    /** Words for the block page: "", " during school-hours", " outside school-hours". */
    public String when() {
        return window == null ? "" : (outside ? " outside " : " during ") + window.name();
    }
}
