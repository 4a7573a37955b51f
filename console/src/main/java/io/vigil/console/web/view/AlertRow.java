package io.vigil.console.web.view;

/**
 * One inbox row, rendered by {@code rows.jte} both in the page and in the refreshed fragment.
 *
 * @param severityLabel the severity in words ("Imminent risk"), so nothing depends on seeing colour
 */
public record AlertRow(String id, int severity, String severityLabel, String categoryName, String snippet,
                       String window, String user, String device, String isoTime, String time, String status) {

    public boolean urgent() {
        return severity == 5;
    }
}
