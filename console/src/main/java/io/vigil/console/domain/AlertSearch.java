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

    /**
     * A routed reader's search reads at most this many index hits, re-checks them all against the store and pages
     * the visible ones itself: paging in the index would count (and skip past) alerts the reader may not see.
     */
    static final int ROUTED_SEARCH_CAP = 10_000;

    public AlertPage find(AlertQuery query) {
        if (query.scope().seesNoAlerts()) {
            return new AlertPage(0, List.of());
        }
        boolean acrossSchools = query.scope().schoolIds().size() > 1;
        boolean routed = !query.scope().readership().unrestricted();
        if (query.text().isEmpty() && (routed || !(acrossSchools && index.notYetSearchable() == 0))) {
            // The store applies routing itself; the index knows nothing of it.
            return alerts.find(query);
        }
        if (routed) {
            return routedSearch(query);
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

    /** Text search for a routed reader: every hit (up to the cap) re-checked in the store, then paged here. */
    private AlertPage routedSearch(AlertQuery query) {
        List<Long> visible = new ArrayList<>();
        int pageSize = AlertQuery.MAX_LIMIT;
        for (int offset = 0; offset < ROUTED_SEARCH_CAP; offset += pageSize) {
            AlertTextIndex.Hits hits = index.search(query.toBuilder().offset(offset).limit(pageSize).build());
            var allowed = alerts.visible(hits.rowIds(), query.scope());
            hits.rowIds().stream().filter(allowed::contains).forEach(visible::add);
            if (hits.rowIds().size() < pageSize) {
                break;
            }
        }
        List<Long> pageIds = visible.subList(Math.min(query.offset(), visible.size()),
                Math.min(query.offset() + query.limit(), visible.size()));
        Map<Long, StoredAlert> rows = alerts.byRowIds(pageIds);
        List<StoredAlert> page = pageIds.stream().map(rows::get).filter(a -> a != null).toList();
        return new AlertPage(visible.size(), page, index.notYetSearchable());
    }
}
