package io.vigil.console.audit;

import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertSearch;
import io.vigil.console.domain.StoredAlert;
import java.util.stream.Collectors;

/**
 * The only way the web layer reads alert content. The audit row is written before the content is
 * returned: if it cannot be written, the caller gets an error, not the alerts.
 */
public final class AuditedAlertReader {

    private final AlertSearch search;
    private final AuditLog audit;

    public AuditedAlertReader(AlertSearch search, AuditLog audit) {
        this.search = search;
        this.audit = audit;
    }

    /**
     * @param action what the reader was doing, e.g. {@code alerts.search} (API) or {@code inbox.view} (page)
     */
    public AlertPage find(String actor, String action, AlertQuery query) {
        AlertPage page = search.find(query);
        audit.record(actor, action, describe(query, page));
        return page;
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
