package io.vigil.console.web.view;

/**
 * One inbox row, rendered by {@code rows.jte} both in the page and in the refreshed fragment.
 *
 * @param severityLabel the severity in words ("Imminent risk"), so nothing depends on seeing colour
 * @param language      ISO code of the language the pupil wrote in ("" if unknown), for the snippet's
 *                      {@code lang} attribute so screen readers pronounce it in that language
 * @param languageName  that language in English ("Polish"), "" for English or unknown
 * @param assignee      who the case is assigned to, "" if nobody
 */
public record AlertRow(String id, int severity, String severityLabel, String categoryName, String snippet,
                       String window, String user, String device, String isoTime, String time, String status,
                       String language, String languageName, String assignee) {

    public boolean urgent() {
        return severity == 5;
    }
}
