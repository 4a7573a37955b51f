package io.vigil.console.web.view;

/**
 * Where this page sits in the results: "Showing 51–100 of 138".
 *
 * @param previous link to the previous page, or null on the first
 * @param next     link to the next page, or null on the last
 */
public record Paging(long from, long to, long total, String previous, String next) {

    public String summary() {
        if (total == 0) {
            return "No alerts match.";
        }
        return "Showing " + from + "–" + to + " of " + total + " alerts, most urgent first.";
    }
}
