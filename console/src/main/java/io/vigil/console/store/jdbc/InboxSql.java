package io.vigil.console.store.jdbc;

import io.vigil.console.domain.AlertQuery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The SQL for one inbox query: a where clause built only from bound parameters (never from the reader's text),
 * the scope always first so that the per-school indexes lead.
 */
record InboxSql(String where, String indexOrder, List<Object> parameters, int offset, int limit, String outerOrder) {

    private static final String URGENT = "a.severity desc, a.occurred_at desc, a.id desc";
    private static final String URGENT_FIRST = " order by " + URGENT;

    /**
     * Priority pupils' alerts rank above others of the same severity. That order is computed per row, so it is used
     * only when {@code priority} (some pupil in scope is marked): otherwise the inbox indexes give the order.
     */
    private static final String PRIORITY_ORDER = " order by a.severity desc, " + RoutingSql.PRIORITY
            + " desc, a.occurred_at desc, a.id desc";

    static InboxSql of(AlertQuery query) {
        return of(query, false, true);
    }

    /**
     * @param directoryInUse whether some school of the scope has a directory (else routing needs no per-row lookups)
     */
    static InboxSql of(AlertQuery query, boolean priority, boolean directoryInUse) {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        long[] schools = query.scope().ids();
        if (schools.length == 0) {
            // An empty scope sees nothing (and "in ()" is not SQL).
            where.append(" where 1 = 0");
        } else if (schools.length == 1) {
            where.append(" where a.school_id = ?");
            params.add(schools[0]);
        } else {
            where.append(" where a.school_id in (").append(String.join(",", Collections.nCopies(schools.length, "?")))
                    .append(")");
            for (long id : schools) {
                params.add(id);
            }
        }
        query.status().ifPresent(s -> add(where, params, " and a.status = ?", s.id()));
        query.category().ifPresent(c -> add(where, params, " and a.category = ?", c));
        query.minSeverity().ifPresent(s -> add(where, params, " and a.severity >= ?", s));
        query.user().ifPresent(u -> add(where, params, " and a.username = ?", u));
        query.device().ifPresent(d -> add(where, params, " and a.device_id = ?", d));
        query.from().ifPresent(f -> add(where, params, " and a.occurred_at >= ?", f));
        query.to().ifPresent(t -> add(where, params, " and a.occurred_at < ?", t));
        where.append(RoutingSql.and(query.scope(), params, directoryInUse));
        return new InboxSql(where.toString(), priority ? PRIORITY_ORDER : indexOrder(query, schools.length),
                List.copyOf(params), query.offset(), query.limit(), priority ? PRIORITY_ORDER : URGENT_FIRST);
    }

    /**
     * The urgency order, led by the columns the chosen inbox index fixes by equality. Those leading columns
     * change nothing in the result (they hold one value), but H2 reads an index in order only when the ORDER BY
     * starts with the index's own first columns: with them it reads one page of entries, without them it reads
     * and sorts the school's whole history (50,000 rows for a school at 1M alerts). PostgreSQL is indifferent.
     */
    private static String indexOrder(AlertQuery query, int schools) {
        if (schools != 1) {
            return URGENT_FIRST;
        }
        if (query.category().isPresent()) {
            return " order by a.school_id, a.category, " + URGENT;
        }
        if (query.status().isPresent()) {
            return " order by a.school_id, a.status, " + URGENT;
        }
        return " order by a.school_id, " + URGENT;
    }

    private static void add(StringBuilder where, List<Object> params, String clause, Object value) {
        where.append(clause);
        params.add(value);
    }

    String count() {
        return "select count(*) from alerts a" + where;
    }

    Object[] params() {
        return parameters.toArray();
    }

    /** The page's ids come from {@code alerts} alone; the outer select joins just those rows. */
    String page(String select) {
        return select + " where a.id in (select a.id from alerts a" + where + indexOrder
                + " offset ? rows fetch next ? rows only)" + outerOrder;
    }

    Object[] pageParams() {
        List<Object> all = new ArrayList<>(parameters);
        all.add(offset);
        all.add(limit);
        return all.toArray();
    }
}
