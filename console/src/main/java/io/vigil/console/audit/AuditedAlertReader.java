package io.vigil.console.audit;

import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.StoredAlert;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The only way the web layer reads alert content. The audit row is written before the content is
 * returned: if it cannot be written, the caller gets an error, not the alerts.
 */
public final class AuditedAlertReader {

    private final Function<AlertQuery, AlertPage> search;
    private final AuditLog audit;

    /** @param search the alert search (the domain {@code AlertSearch::find}, or a fake in web tests) */
    public AuditedAlertReader(Function<AlertQuery, AlertPage> search, AuditLog audit) {
        this.search = search;
        this.audit = audit;
    }

    /**
     * @param action what the reader was doing: {@link AuditAction#ALERTS_SEARCH} (API) or
     *               {@link AuditAction#INBOX_VIEW} (page)
     */
    public AlertPage find(String actor, AuditAction action, AlertQuery query) {
        return find(actor, action, query, 0);
    }

    /**
     * One page of results starting {@code offset} alerts in, audited with exactly the ids returned.
     *
     * <p>Until {@link AlertQuery} carries the offset itself (so the index and database page), this reads the
     * first {@code offset + limit} alerts and drops the first {@code offset}: callers keep that within
     * {@link AlertQuery#MAX_LIMIT}.
     */
    public AlertPage find(String actor, AuditAction action, AlertQuery query, int offset) {
        AlertPage page = offset == 0 ? search.apply(query) : skip(query, offset);
        audit.record(actor, action, "offset=" + offset + " " + describe(query, page));
        return page;
    }

    private AlertPage skip(AlertQuery query, int offset) {
        AlertQuery through = new AlertQuery(query.text(), query.category(), query.minSeverity(), query.status(),
                offset + query.limit());
        AlertPage page = search.apply(through);
        List<StoredAlert> rows = page.alerts();
        return new AlertPage(page.total(), rows.subList(Math.min(offset, rows.size()), rows.size()));
    }

    /**
     * The ids and count of matching alerts, for a background check for new ones. No content is returned,
     * so nothing is audited: the fragment that shows the alerts is.
     */
    public AlertIds ids(AlertQuery query) {
        AlertPage page = search.apply(query);
        return new AlertIds(page.total(), page.alerts().stream().map(StoredAlert::uuid).toList(),
                page.alerts().stream().filter(a -> a.severity() == AlertIds.URGENT).map(StoredAlert::uuid).toList());
    }

    /**
     * Which alerts a query matches, without their content.
     *
     * @param ids    the page's alert ids, most urgent first
     * @param urgent those of them at severity {@value #URGENT} (imminent risk), which the inbox shows at once
     */
    public record AlertIds(long total, List<String> ids, List<String> urgent) {
        public static final int URGENT = 5;
    }

    static String describe(AlertQuery query, AlertPage page) {
        return "q=" + query.text().orElse("")
                + " category=" + query.category().orElse("")
                + " minSeverity=" + query.minSeverity().map(String::valueOf).orElse("")
                + " status=" + query.status().map(s -> s.id()).orElse("")
                + " limit=" + query.limit()
                + " total=" + page.total()
                + " returned=[" + page.alerts().stream().map(StoredAlert::uuid).collect(Collectors.joining(",")) + "]";
    }
}
