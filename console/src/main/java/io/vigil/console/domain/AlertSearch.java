package io.vigil.console.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers inbox queries. Structured filters alone go straight to the store (always fresh, paged there); free
 * text goes through the index, which filters, orders and pages by itself, and only that page's rows are then
 * read from the store, which stays the source of truth for content and for the mutable status.
 */
public final class AlertSearch {

    private final AlertRepository alerts;
    private final AlertTextIndex index;

    public AlertSearch(AlertRepository alerts, AlertTextIndex index) {
        this.alerts = alerts;
        this.index = index;
    }

    public AlertPage find(AlertQuery query) {
        if (query.scope().isEmpty()) {
            return new AlertPage(0, List.of());
        }
        if (query.text().isEmpty()) {
            return alerts.find(query);
        }
        AlertTextIndex.Hits hits = index.search(query);
        Map<Long, StoredAlert> rows = alerts.byRowIds(hits.rowIds());
        List<StoredAlert> page = new ArrayList<>(hits.rowIds().size());
        for (Long id : hits.rowIds()) {
            StoredAlert alert = rows.get(id);
            // The store re-checks scope: the index is a copy and must never widen what a reader sees.
            if (alert != null && query.scope().contains(alert.schoolId())) {
                page.add(alert);
            }
        }
        return new AlertPage(hits.total(), page, index.notYetSearchable());
    }
}
