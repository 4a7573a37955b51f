package io.vigil.console.web.view;

import java.util.List;

/**
 * One inbox row, rendered by {@code rows.jte} both in the page and in the refreshed fragment.
 *
 * @param severityLabel the severity in words ("Imminent risk"), so nothing depends on seeing colour
 * @param language      ISO code of the language the pupil wrote in ("" if unknown), for the snippet's
 *                      {@code lang} attribute so screen readers pronounce it in that language
 * @param languageName  that language in English ("Polish"), "" for English or unknown
 * @param assignee      who the case is assigned to, "" if nobody
 * @param repeats       the same pupil's other alerts in the same category close in time, grouped under this one
 */
public record AlertRow(String id, int severity, String severityLabel, String categoryName, String snippet,
                       String window, String user, String device, String isoTime, String time, String status,
                       String language, String languageName, String assignee, List<AlertRow> repeats) {

    public AlertRow {
        repeats = List.copyOf(repeats);
    }

    /** A row on its own, not grouped with repeats. */
    public AlertRow(String id, int severity, String severityLabel, String categoryName, String snippet, String window,
                    String user, String device, String isoTime, String time, String status, String language,
                    String languageName, String assignee) {
        this(id, severity, severityLabel, categoryName, snippet, window, user, device, isoTime, time, status, language,
                languageName, assignee, List.of());
    }

    /** The ids of the alerts grouped under this row, space-separated ("" when none). */
    public String repeatIds() {
        return String.join(" ", repeats.stream().map(AlertRow::id).toList());
    }

    /** This row with {@code others} grouped under it. */
    public AlertRow withRepeats(List<AlertRow> others) {
        return new AlertRow(id, severity, severityLabel, categoryName, snippet, window, user, device, isoTime, time,
                status, language, languageName, assignee, others);
    }

    public boolean urgent() {
        return severity == 5;
    }
}
