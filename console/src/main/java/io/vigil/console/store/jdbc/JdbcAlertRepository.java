package io.vigil.console.store.jdbc;

import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertRepository;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.StoredAlert;
import io.vigil.console.domain.Text;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

public final class JdbcAlertRepository implements AlertRepository {

    private static final String SELECT = """
            select a.*, d.hostname from alerts a join devices d on d.id = a.device_id
            """;
    private static final String URGENT_FIRST = " order by a.severity desc, a.occurred_at desc, a.id desc";

    private final Jdbc jdbc;

    public JdbcAlertRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Synchronized so that row ids are committed in increasing order: the search indexer follows new rows
     * by "id greater than the last one indexed" and would skip a row committed after a higher id. This
     * process is the only writer of alerts, and a school's alert rate is far below what one lock allows.
     */
    @Override
    public synchronized boolean storeOnce(NewAlert alert, Instant receivedAt) {
        String uuid = alert.uuid().toLowerCase(Locale.ROOT);
        return jdbc.insertOnce(c -> {
            if (!Jdbc.query(c, "select 1 from alerts where uuid = ?", rs -> 1, uuid).isEmpty()) {
                return false;
            }
            insert(c, uuid, alert, receivedAt);
            return true;
        });
    }

    private static void insert(Connection c, String uuid, NewAlert a, Instant receivedAt) throws SQLException {
        String ruleIds = a.ruleIds().stream().map(r -> r.replaceAll("\\s", "_"))
                .collect(Collectors.joining(" "));
        Jdbc.update(c, """
                insert into alerts (uuid, device_id, sequence, category, severity, score, rule_ids, snippet, app,
                                    window_title, url, username, occurred_at, received_at, source, list_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                uuid, a.deviceId(), a.sequence(), a.category(), a.severity(), a.score(),
                Text.bounded(ruleIds, 4000), Text.bounded(a.snippet(), 500), Text.bounded(a.app(), 200),
                Text.bounded(a.windowTitle(), 1000), Text.bounded(a.url(), 2000), Text.bounded(a.user(), 200),
                a.occurredAt(), receivedAt, Text.bounded(a.source(), 32), Text.bounded(a.listVersion(), 100));
    }

    @Override
    public List<StoredAlert> afterRowId(long rowId, int max) {
        return jdbc.query(SELECT + " where a.id > ? order by a.id limit ?", JdbcAlertRepository::map, rowId, max);
    }

    @Override
    public long maxRowId() {
        return jdbc.query("select coalesce(max(id), 0) from alerts", rs -> rs.getLong(1)).getFirst();
    }

    @Override
    public Map<Long, StoredAlert> byRowIds(Collection<Long> rowIds) {
        Map<Long, StoredAlert> result = new HashMap<>();
        List<Long> ids = List.copyOf(rowIds);
        // Bounded IN lists keep statements small and cacheable.
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            for (StoredAlert a : jdbc.query(SELECT + " where a.id in (" + marks + ")", JdbcAlertRepository::map,
                    chunk.toArray())) {
                result.put(a.rowId(), a);
            }
        }
        return result;
    }

    @Override
    public AlertPage find(AlertQuery query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        query.category().ifPresent(c -> {
            where.append(" and a.category = ?");
            params.add(c);
        });
        query.minSeverity().ifPresent(s -> {
            where.append(" and a.severity >= ?");
            params.add(s);
        });
        query.status().ifPresent(s -> {
            where.append(" and a.status = ?");
            params.add(s.id());
        });
        return jdbc.transaction(c -> {
            long total = Jdbc.query(c, "select count(*) from alerts a" + where, rs -> rs.getLong(1),
                    params.toArray()).getFirst();
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(query.limit());
            List<StoredAlert> alerts = Jdbc.query(c, SELECT + where + URGENT_FIRST + " limit ?",
                    JdbcAlertRepository::map, pageParams.toArray());
            return new AlertPage(total, alerts);
        });
    }

    private static StoredAlert map(ResultSet rs) throws SQLException {
        String rules = rs.getString("rule_ids");
        return new StoredAlert(rs.getLong("id"), rs.getString("uuid"), rs.getString("device_id"),
                rs.getString("hostname"), rs.getLong("sequence"), rs.getString("category"), rs.getInt("severity"),
                rs.getInt("score"), rules.isEmpty() ? List.of() : Arrays.asList(rules.split(" ")),
                rs.getString("snippet"), rs.getString("app"), rs.getString("window_title"), rs.getString("url"),
                rs.getString("username"), Jdbc.instant(rs, "occurred_at"), Jdbc.instant(rs, "received_at"),
                rs.getString("source"), rs.getString("list_version"), AlertStatus.fromId(rs.getString("status")));
    }
}
