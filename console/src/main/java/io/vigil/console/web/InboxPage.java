package io.vigil.console.web;

import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.LanguageCode;
import io.vigil.console.domain.StoredAlert;
import io.vigil.console.web.view.AlertRow;
import io.vigil.console.web.view.InboxView;
import io.vigil.console.web.view.Option;
import io.vigil.console.web.view.Paging;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.function.LongFunction;
import io.vigil.console.people.AlertPeople;
import io.vigil.console.people.AlertSubject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns an inbox query and its results into the view the templates render: filters, rows in words,
 * and "Showing 51–100 of 138" with previous/next links that keep the filters.
 */
final class InboxPage {

    /**
     * School time, not server time: a DSL reading "21:40" must not have to add an hour in summer. The zone's
     * short name (GMT or BST) says which. The machine-readable {@code datetime} attribute stays UTC.
     */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z", java.util.Locale.UK)
            .withZone(AlertQueryParams.SCHOOL_ZONE);

    private final CategoryCatalog categories;
    private final LongFunction<Duration> repeatWindow;
    private final AlertPeople people;

    /** @param repeatWindow per school: alerts of one pupil in one category this close together share a row */
    InboxPage(CategoryCatalog categories, LongFunction<Duration> repeatWindow) {
        this(categories, repeatWindow, AlertPeople.NONE);
    }

    /** @param people who each alert is about, for "Amelia Jones, Year 8, 8B" instead of a login */
    InboxPage(CategoryCatalog categories, LongFunction<Duration> repeatWindow, AlertPeople people) {
        this.categories = categories;
        this.repeatWindow = repeatWindow;
        this.people = people;
    }

    static String severityLabel(int severity) {
        return io.vigil.console.domain.Severity.label(severity);
    }

    /**
     * @param param    the request's parameters, kept in paging links and the refresh
     * @param knownIds ids of the newest first page at render time, so the refresh knows what is new
     * @param notice   a plain-language problem with the search, or null
     */
    InboxView view(String username, Function<String, String> param, AlertQuery query, AlertPage page,
                   List<String> knownIds, String notice) {
        return new InboxView(username, query.text().orElse(""), categoryOptions(query.category().orElse("")),
                severityOptions(query.minSeverity().orElse(0)),
                statusOptions(query.status().map(AlertStatus::id).orElse("")), notice,
                paging(param, query, page), rows(page), queryString(param, 0), String.join(" ", knownIds));
    }

    /**
     * The page's rows, repeats grouped: an alert of the same pupil and category as an earlier row of the page, within
     * the school's repeat window of one of that row's alerts, joins that row (the most urgent stays on top) instead of
     * taking a row of its own. Grouping works within the page the store returned, so totals and paging stay exact.
     */
    List<AlertRow> rows(AlertPage page) {
        Map<String, AlertSubject> subjects = people.of(page.alerts());
        Map<Long, Duration> windows = new HashMap<>();
        List<List<StoredAlert>> groups = new ArrayList<>();
        for (StoredAlert a : page.alerts()) {
            Duration window = windows.computeIfAbsent(a.schoolId(), repeatWindow::apply);
            List<StoredAlert> group = window.isZero() ? null : groups.stream()
                    .filter(g -> repeats(g.getFirst(), a) && g.stream().anyMatch(b -> close(a, b, window)))
                    .findFirst().orElse(null);
            if (group == null) {
                groups.add(new ArrayList<>(List.of(a)));
            } else {
                group.add(a);
            }
        }
        return groups.stream().map(g -> row(g.getFirst(), subjects).withRepeats(g.subList(1, g.size()).stream()
                .map(a -> row(a, subjects)).toList())).toList();
    }

    private static boolean repeats(StoredAlert first, StoredAlert a) {
        return first.schoolId() == a.schoolId() && first.user().equals(a.user()) && !a.user().isEmpty()
                && first.category().equals(a.category());
    }

    private static boolean close(StoredAlert a, StoredAlert b, Duration window) {
        return Duration.between(a.occurredAt(), b.occurredAt()).abs().compareTo(window) <= 0;
    }

    private AlertRow row(StoredAlert a, Map<String, AlertSubject> subjects) {
        return new AlertRow(a.uuid(), a.severity(), severityLabel(a.severity()), categories.nameOf(a.category()),
                a.snippet(), a.windowTitle(), who(a, subjects.get(a.uuid())), a.deviceHostname(), a.occurredAt().toString(),
                TIME.format(a.occurredAt()), a.status().label(), a.language(),
                LanguageCode.nameForDsl(a.language()), a.assignee());
    }

    /**
     * "Amelia Jones, Year 8, 8B (ajones)", "unknown login: xyz", with any flags after a dash: the person first,
     * because that is who the DSL acts for; the login, because that is what the device saw.
     */
    static String who(StoredAlert a, AlertSubject subject) {
        if (subject == null) {
            return a.user();
        }
        String who = subject.person().isPresent() ? subject.label() + " (" + a.user() + ")" : subject.label();
        return subject.flags().isEmpty() ? who : who + " \u2014 " + subject.flags();
    }

    private static Paging paging(Function<String, String> param, AlertQuery query, AlertPage page) {
        int offset = query.offset();
        long from = page.alerts().isEmpty() ? 0 : offset + 1;
        long to = offset + page.alerts().size();
        String previous = offset > 0 ? "/inbox?" + queryString(param, Math.max(0, offset - query.limit())) : null;
        String next = to < page.total() ? "/inbox?" + queryString(param, offset + query.limit()) : null;
        return new Paging(from, to, page.total(), previous, next);
    }

    /** The request parameters that choose which alerts are shown; anything else is dropped from links. */
    static final List<String> FILTERS = List.of("q", "category", "minSeverity", "status", "user", "device", "from",
            "to", "school", "limit");

    /** The filters as they were applied, as URL parameters, with {@code offset} (left out when 0). */
    static String queryString(Function<String, String> param, int offset) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String value = param.apply(name);
            if (value != null && !value.isBlank()) {
                params.put(name, value.strip());
            }
        }
        if (offset > 0) {
            params.put("offset", String.valueOf(offset));
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private List<Option> categoryOptions(String selected) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "Any category", selected.isEmpty()));
        boolean known = selected.isEmpty();
        for (CategoryCatalog.Category c : categories.all()) {
            options.add(new Option(c.id(), c.name(), c.id().equals(selected)));
            known |= c.id().equals(selected);
        }
        // A category from newer agent lists, reached through a link or the API, stays selectable.
        if (!known) {
            options.add(new Option(selected, selected, true));
        }
        return options;
    }

    private static List<Option> severityOptions(int min) {
        return List.of(new Option("", "Any severity", min == 0),
                new Option("5", "5 Imminent risk only", min == 5),
                new Option("4", "4 Serious and above", min == 4),
                new Option("3", "3 Concerning and above", min == 3),
                new Option("2", "2 Low and above", min == 2));
    }

    private static List<Option> statusOptions(String status) {
        return List.of(new Option("", "Any status", status.isEmpty()),
                new Option("new", "New", status.equals("new")),
                new Option("in_review", "In review", status.equals("in_review")),
                new Option("escalated", "Escalated", status.equals("escalated")),
                new Option("closed", "Closed", status.equals("closed")));
    }
}
