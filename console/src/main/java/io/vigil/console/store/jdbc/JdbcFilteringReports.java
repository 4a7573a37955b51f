package io.vigil.console.store.jdbc;

import io.vigil.console.domain.BrowsingSummary;
import io.vigil.console.domain.FilteringReports;
import io.vigil.console.domain.ReviewRequest;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Text;
import io.vigil.console.filtering.FilteringQuery;
import io.vigil.console.filtering.FilteringRecords;
import io.vigil.console.filtering.SiteVisits;
import io.vigil.console.filtering.StoredFilterEvent;
import io.vigil.console.filtering.StoredReviewRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Browsing counts, review requests and the reads of filter events. Writes are idempotent on the record's
 * uuid, because devices resend whatever was not acknowledged.
 */
public final class JdbcFilteringReports implements FilteringReports, FilteringRecords {

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcFilteringReports(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /**
     * Adds the counts once per summary uuid. Two nodes adding to the same row at once make one transaction fail;
     * it is then not acknowledged and the device resends it, so nothing is lost or counted twice.
     */
    @Override
    public void browsingSummary(BrowsingSummary s) {
        jdbc.transaction(c -> {
            if (!Jdbc.query(c, "select 1 from browsing_summaries_received where uuid = ?", rs -> 1, s.uuid()).isEmpty()) {
                return false;
            }
            Jdbc.update(c, "insert into browsing_summaries_received (uuid, device_id, sequence, received_at) "
                    + "values (?, ?, ?, ?)", s.uuid(), s.deviceId(), s.sequence(), clock.instant());
            String user = Text.bounded(s.user(), 200);
            for (Map.Entry<String, Integer> e : s.requestsByDomain().entrySet()) {
                String domain = Text.bounded(e.getKey(), 253);
                int updated = Jdbc.update(c, "update browsing_counts set requests = requests + ? where device_id = ? "
                        + "and username = ? and domain = ? and hour_start = ?", e.getValue(), s.deviceId(), user,
                        domain, s.hour());
                if (updated == 0) {
                    Jdbc.update(c, """
                            insert into browsing_counts (school_id, device_id, username, domain, hour_start, requests)
                            values ((select school_id from devices where id = ?), ?, ?, ?, ?, ?)""",
                            s.deviceId(), s.deviceId(), user, domain, s.hour(), e.getValue());
                }
            }
            return true;
        });
    }

    @Override
    public void reviewRequest(ReviewRequest r) {
        jdbc.insertOnce(c -> {
            if (!Jdbc.query(c, "select 1 from review_requests where uuid = ?", rs -> 1, r.uuid()).isEmpty()) {
                return false;
            }
            Jdbc.update(c, """
                    insert into review_requests (uuid, school_id, device_id, sequence, username, domain, category,
                                                 user_comment, requested_at, received_at)
                    values (?, (select school_id from devices where id = ?), ?, ?, ?, ?, ?, ?, ?, ?)""",
                    r.uuid(), r.deviceId(), r.deviceId(), r.sequence(), Text.bounded(r.user(), 200),
                    Text.bounded(r.domain(), 253), Text.bounded(r.category(), 64), Text.bounded(r.comment(), 500),
                    r.requestedAt(), clock.instant());
            return true;
        });
    }

    @Override
    public List<StoredFilterEvent> filterEvents(FilteringQuery q) {
        if (q.scope().isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String where = where("f", q, "occurred_at", params);
        return jdbc.query("select f.*, d.hostname from filter_events f join devices d on d.id = f.device_id " + where
                + " order by f.occurred_at desc, f.id desc limit " + q.limit(), rs -> new StoredFilterEvent(
                rs.getString("uuid"), rs.getLong("school_id"), rs.getString("device_id"), rs.getString("hostname"),
                rs.getString("username"), rs.getString("domain"), rs.getString("action"), rs.getString("category"),
                rs.getString("filter_group"), rs.getString("reason"), rs.getString("app"),
                Jdbc.instant(rs, "occurred_at")), params.toArray());
    }

    @Override
    public List<SiteVisits> sitesVisited(FilteringQuery q) {
        if (q.scope().isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        String where = where("b", q, "hour_start", params);
        return jdbc.query("select b.domain, sum(b.requests) as requests from browsing_counts b " + where
                + " group by b.domain order by requests desc, b.domain limit " + q.limit(),
                rs -> new SiteVisits(rs.getString("domain"), rs.getLong("requests")), params.toArray());
    }

    @Override
    public List<StoredReviewRequest> reviewRequests(Scope scope, int limit) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from review_requests where school_id in (" + placeholders(scope) + ") "
                + "order by requested_at desc, id desc limit " + Math.clamp(limit, 1, FilteringQuery.MAX_LIMIT),
                rs -> new StoredReviewRequest(rs.getString("uuid"), rs.getLong("school_id"),
                        rs.getString("device_id"), rs.getString("username"), rs.getString("domain"),
                        rs.getString("category"), rs.getString("user_comment"), Jdbc.instant(rs, "requested_at")),
                Arrays.stream(scope.ids()).boxed().toArray());
    }

    private static String where(String alias, FilteringQuery q, String timeColumn, List<Object> params) {
        StringBuilder sql = new StringBuilder(" where " + alias + ".school_id in (" + placeholders(q.scope()) + ")");
        Arrays.stream(q.scope().ids()).forEach(params::add);
        q.user().ifPresent(u -> {
            sql.append(" and ").append(alias).append(".username = ?");
            params.add(u);
        });
        q.deviceId().ifPresent(d -> {
            sql.append(" and ").append(alias).append(".device_id = ?");
            params.add(d);
        });
        sql.append(" and ").append(alias).append('.').append(timeColumn).append(" >= ? and ").append(alias)
                .append('.').append(timeColumn).append(" < ?");
        params.add(q.from());
        params.add(q.to());
        return sql.toString();
    }

    private static String placeholders(Scope scope) {
        return String.join(",", Collections.nCopies(scope.ids().length, "?"));
    }
}
