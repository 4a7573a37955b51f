package io.vigil.console.web;

import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.StoredAlert;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The DSL's inbox: filters, then a table of alerts, most urgent first. Urgent rows carry a text badge
 * ("Imminent risk", "Serious") as well as colour, so nothing depends on seeing red. /static/inbox.js
 * refreshes the table every 10 seconds from /api/alerts with the same filters.
 */
final class InboxPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final CategoryCatalog categories;

    InboxPage(CategoryCatalog categories) {
        this.categories = categories;
    }

    static String severityLabel(int severity) {
        return switch (severity) {
            case 5 -> "Imminent risk";
            case 4 -> "Serious";
            case 3 -> "Concerning";
            case 2 -> "Low";
            default -> "Information";
        };
    }

    String render(String username, AlertQuery query, AlertPage page, String error) {
        String main = "<h1>Alerts</h1>\n" + filters(query)
                + (error == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.esc(error) + "</p>\n")
                + "<p id=\"summary\" aria-live=\"polite\">" + summary(page) + "</p>\n"
                + table(page);
        return Html.page("Alerts", signedIn(username), main, "/static/inbox.js");
    }

    static String signedIn(String username) {
        return "<span class=\"whoami\">Signed in as " + Html.esc(username) + "</span>"
                + "<form method=\"post\" action=\"/logout\" class=\"inline\"><button type=\"submit\" class=\"link\">"
                + "Sign out</button></form>";
    }

    private static String summary(AlertPage page) {
        return page.total() == 0 ? "No alerts match." : "Showing " + page.alerts().size() + " of " + page.total()
                + " alerts, most urgent first.";
    }

    private String filters(AlertQuery q) {
        int min = q.minSeverity().orElse(0);
        String status = q.status().map(AlertStatus::id).orElse("");
        return """
                <form id="filters" method="get" action="/inbox" class="filters" role="search">
                <div class="field"><label for="q">Search text</label>
                <input id="q" name="q" type="search" value="%s" placeholder="e.g. kill or username"></div>
                <div class="field"><label for="category">Category</label>
                <select id="category" name="category">%s</select></div>
                <div class="field"><label for="minSeverity">Severity</label>
                <select id="minSeverity" name="minSeverity">%s</select></div>
                <div class="field"><label for="status">Status</label>
                <select id="status" name="status">%s</select></div>
                <button type="submit">Apply filters</button>
                </form>
                """.formatted(Html.esc(q.text().orElse("")), categoryOptions(q.category().orElse("")),
                option("", "Any severity", min == 0) + option("5", "5 Imminent risk only", min == 5)
                        + option("4", "4 Serious and above", min == 4) + option("3", "3 Concerning and above", min == 3)
                        + option("2", "2 Low and above", min == 2),
                option("", "Any status", status.isEmpty()) + option("new", "New", status.equals("new"))
                        + option("in_review", "In review", status.equals("in_review"))
                        + option("closed", "Closed", status.equals("closed")));
    }

    private String categoryOptions(String selected) {
        StringBuilder options = new StringBuilder(option("", "Any category", selected.isEmpty()));
        boolean known = selected.isEmpty();
        for (CategoryCatalog.Category c : categories.all()) {
            options.append(option(c.id(), c.name(), c.id().equals(selected)));
            known |= c.id().equals(selected);
        }
        // A category from newer agent lists, reached through a link or the API, stays selectable.
        return known ? options.toString() : options + option(selected, selected, true);
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + Html.esc(value) + "\"" + (selected ? " selected" : "") + ">" + Html.esc(label) + "</option>";
    }

    private String table(AlertPage page) {
        StringBuilder rows = new StringBuilder();
        for (StoredAlert a : page.alerts()) {
            rows.append(row(a));
        }
        return """
                <table class="alerts">
                <caption class="visually-hidden">Alerts, most urgent first</caption>
                <thead><tr><th scope="col">Severity</th><th scope="col">Category</th><th scope="col">What was written</th>
                <th scope="col">User</th><th scope="col">Device</th><th scope="col">Time</th><th scope="col">Status</th></tr></thead>
                <tbody id="alert-rows">
                %s</tbody>
                </table>
                """.formatted(rows);
    }

    private String row(StoredAlert a) {
        String time = a.occurredAt().toString();
        return "<tr class=\"sev-row-" + a.severity() + "\">"
                + "<td><span class=\"badge sev-" + a.severity() + "\">" + a.severity() + " "
                + Html.esc(severityLabel(a.severity())) + "</span></td>"
                + "<td>" + Html.esc(categories.nameOf(a.category())) + "</td>"
                + "<td class=\"snippet\">" + Html.esc(a.snippet())
                + (a.windowTitle().isEmpty() ? "" : "<span class=\"context\">in " + Html.esc(a.windowTitle()) + "</span>")
                + "</td>"
                + "<td>" + Html.esc(a.user()) + "</td>"
                + "<td>" + Html.esc(a.deviceHostname()) + "</td>"
                + "<td><time datetime=\"" + Html.esc(time) + "\">" + Html.esc(TIME.format(a.occurredAt())) + "</time></td>"
                + "<td>" + Html.esc(a.status().id().replace('_', ' ')) + "</td>"
                + "</tr>\n";
    }
}
