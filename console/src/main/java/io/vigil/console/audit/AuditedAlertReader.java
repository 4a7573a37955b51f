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
        AlertPage page = search.apply(query);
        audit.record(actor, action, describe(query, page));
        return page;
    }

    /**
     * The ids and count of the first page of matching alerts, for a background check for new ones. No content is returned,
     * so nothing is audited: the fragment that shows the alerts is.
     */
    public AlertIds ids(AlertQuery query) {
        AlertPage page = search.apply(query.toBuilder().offset(0).build());
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
        return "schools=" + query.scope().schoolIds()
                + " q=" + query.text().orElse("")
                + " category=" + query.category().orElse("")
                + " minSeverity=" + query.minSeverity().map(String::valueOf).orElse("")
                + " status=" + query.status().map(s -> s.id()).orElse("")
                + " user=" + query.user().orElse("")
                + " device=" + query.device().orElse("")
                + " from=" + query.from().map(Object::toString).orElse("")
                + " to=" + query.to().map(Object::toString).orElse("")
                + " offset=" + query.offset()
                + " limit=" + query.limit()
                + " total=" + page.total()
                + " returned=[" + page.alerts().stream().map(StoredAlert::uuid).collect(Collectors.joining(",")) + "]";
    }
}
