package io.vigil.console.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers inbox queries. Structured filters alone go straight to the store (always fresh); free text goes
 * through the index, and the rows are then read from the store, which stays the source of truth for
 * content and for the mutable status.
 */
public final class AlertSearch {

    /** Text searches consider at most this many hits; more than that is no longer an inbox. */
    static final int MAX_TEXT_HITS = 10_000;

    private final AlertRepository alerts;
    private final AlertTextIndex index;

    public AlertSearch(AlertRepository alerts, AlertTextIndex index) {
        this.alerts = alerts;
        this.index = index;
    }

    public AlertPage find(AlertQuery query) {
        if (query.text().isEmpty()) {
            return alerts.find(query);
        }
        List<Long> ids = index.search(query.text().get(), query.category(), query.minSeverity(), MAX_TEXT_HITS);
        Map<Long, StoredAlert> rows = alerts.byRowIds(ids);
        List<StoredAlert> matching = new ArrayList<>();
        for (Long id : ids) {
            StoredAlert alert = rows.get(id);
            if (alert != null && query.status().map(s -> s == alert.status()).orElse(true)) {
                matching.add(alert);
            }
        }
        return new AlertPage(matching.size(), matching.subList(0, Math.min(query.limit(), matching.size())));
    }
}
