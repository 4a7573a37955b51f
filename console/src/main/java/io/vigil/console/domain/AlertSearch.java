package io.vigil.console.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers inbox queries. One school's inbox goes straight to the store (always fresh, paged there through a
 * per-school index). Free text goes through the search index, which filters, orders and pages by itself, and
 * only that page's rows are then read from the store, which stays the source of truth for content and for the
 * mutable status. A trust-wide inbox (several schools, no text) also goes through the search index, which
 * orders across schools without sorting their whole history, unless the index is behind the store: then the
 * store answers, slower but complete.
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
        boolean acrossSchools = query.scope().schoolIds().size() > 1;
        if (query.text().isEmpty() && !(acrossSchools && index.notYetSearchable() == 0)) {
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
