package io.vigil.console.store.jdbc;

import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertRepository;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.StoredAlert;
import io.vigil.console.domain.Text;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

public final class JdbcAlertRepository implements AlertRepository {

    /** Columns of {@code alerts a} joined to {@code devices d}, as {@link #map} reads them. */
    static final String SELECT = "select a.*, d.hostname from alerts a left join devices d on d.id = a.device_id";

    private final Jdbc jdbc;

    public JdbcAlertRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean storeOnce(NewAlert alert, Instant receivedAt) {
        String uuid = alert.uuid().toLowerCase(Locale.ROOT);
        return jdbc.durableTransaction(c -> {
            if (!Jdbc.query(c, "select 1 from alerts where uuid = ?", rs -> 1, uuid).isEmpty()) {
                return false;
            }
            try {
                long id = insert(c, uuid, alert, receivedAt);
                // Same transaction: the alert, "index me" for every node and, if it is urgent, "tell someone",
                // commit together or not at all.
                Jdbc.update(c, "insert into index_outbox (node_id, alert_id) select id, ? from console_nodes", id);
                JdbcUrgentOutbox.enqueueIfUrgent(c, id, receivedAt);
                return true;
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    // The same alert resent on a second connection won the race: it is stored once already.
                    c.rollback();
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * One transaction and one sync for the whole batch. If another console node (or a resend on a second
     * connection) commits one of these uuids first, the unique key fails the batch; it is then stored one by one,
     * each alert idempotently, which is slow but rare.
     */
    @Override
    public List<Boolean> storeAll(List<NewAlert> batch, Instant receivedAt) {
        try {
            return jdbc.durableTransaction(c -> insertAll(c, batch, receivedAt));
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && Jdbc.isUniqueViolation(sql)) {
                return batch.stream().map(a -> storeOnce(a, receivedAt)).toList();
            }
            throw e;
        }
    }

    private static List<Boolean> insertAll(Connection c, List<NewAlert> batch, Instant receivedAt)
            throws SQLException {
        Set<String> present = new HashSet<>(alreadyStored(c, batch));
        List<Boolean> stored = new ArrayList<>(batch.size());
        List<Long> ids = new ArrayList<>(batch.size());
        List<Integer> severities = new ArrayList<>(batch.size());
        // One statement for the whole batch, so the database parses and plans the insert once, not per alert.
        try (PreparedStatement ps = c.prepareStatement(INSERT, new String[] {"id"})) {
            for (NewAlert alert : batch) {
                String uuid = alert.uuid().toLowerCase(Locale.ROOT);
                if (!present.add(uuid)) {
                    stored.add(false);
                    continue;
                }
                Jdbc.bind(ps, insertParams(uuid, alert, receivedAt));
                ps.executeUpdate();
                ids.add(generatedId(ps));
                severities.add(alert.severity());
                stored.add(true);
            }
        }
        // The outboxes are written from the ids in hand, row by row in one JDBC batch, in the same transaction, so
        // all commit together or not at all. A statement that selected the new alerts back by a list of ids made H2
        // walk the table for each batch: a third of the group commit's time in a flood.
        List<String> nodes = Jdbc.query(c, "select id from console_nodes", rs -> rs.getString(1));
        List<Object[]> outboxRows = new ArrayList<>(ids.size() * nodes.size());
        for (String node : nodes) {
            ids.forEach(id -> outboxRows.add(new Object[] {node, id}));
        }
        Jdbc.updateEach(c, "insert into index_outbox (node_id, alert_id) values (?, ?)", outboxRows);
        JdbcUrgentOutbox.enqueueIfUrgent(c, ids, severities, receivedAt);
        return stored;
    }

    private static List<String> alreadyStored(Connection c, List<NewAlert> batch) throws SQLException {
        Object[] uuids = batch.stream().map(a -> a.uuid().toLowerCase(Locale.ROOT)).distinct().toArray();
        return Jdbc.query(c, "select uuid from alerts where uuid = any(?)", rs -> rs.getString(1),
                c.createArrayOf("varchar", uuids));
    }

    private static final String INSERT = """
            insert into alerts (uuid, device_id, school_id, sequence, category, severity, score, rule_ids,
                                snippet, app, window_title, url, username, occurred_at, received_at, source,
                                list_version, language)
            values (?, ?, (select school_id from devices where id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?)""";

    private static long insert(Connection c, String uuid, NewAlert a, Instant receivedAt) throws SQLException {
        return Jdbc.insertReturningId(c, INSERT, insertParams(uuid, a, receivedAt));
    }

    private static Object[] insertParams(String uuid, NewAlert a, Instant receivedAt) {
        String ruleIds = a.ruleIds().stream().map(r -> r.replaceAll("\\s", "_"))
                .collect(Collectors.joining(" "));
        return new Object[] {uuid, a.deviceId(), a.deviceId(), a.sequence(), a.category(), a.severity(), a.score(),
                Text.bounded(ruleIds, 4000), Text.bounded(a.snippet(), 500), Text.bounded(a.app(), 200),
                Text.bounded(a.windowTitle(), 1000), Text.bounded(a.url(), 2000), Text.bounded(a.user(), 200),
                a.occurredAt(), receivedAt, Text.bounded(a.source(), 32), Text.bounded(a.listVersion(), 100),
                a.language()};
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no id for the new row");
            }
            return keys.getLong(1);
        }
    }

    @Override
    public List<StoredAlert> afterRowId(long rowId, int max) {
        return jdbc.query(SELECT + " where a.id > ? order by a.id limit ?", JdbcAlertRepository::map, rowId, max);
    }

    @Override
    public Map<Long, StoredAlert> byRowIds(Collection<Long> rowIds) {
        Map<Long, StoredAlert> result = new HashMap<>();
        List<Long> ids = List.copyOf(rowIds);
        // Bounded IN lists keep statements small and cacheable.
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            for (StoredAlert a : jdbc.query(SELECT + " where a.id in (" + marks + ")", JdbcAlertRepository::map,
                    chunk.toArray())) {
                result.put(a.rowId(), a);
            }
        }
        return result;
    }

    @Override
    public AlertPage find(AlertQuery query) {
        return jdbc.transaction(c -> {
            InboxSql sql = InboxSql.of(query, anyPriority(c, query.scope()), directoryInUse(c, query.scope()));
            long total = Jdbc.query(c, sql.count(), rs -> rs.getLong(1), sql.params()).getFirst();
            if (total <= query.offset()) {
                return new AlertPage(total, List.of());
            }
            // Page the alerts table alone (its inbox indexes read just one page of entries), then join the
            // page to devices: joining first made the database read and sort every row of every device.
            List<StoredAlert> page = Jdbc.query(c, sql.page(SELECT), JdbcAlertRepository::map, sql.pageParams());
            return new AlertPage(total, page);
        });
    }

    /** True when a DSL marked some pupil of these schools as priority (the inbox then ranks their alerts higher). */
    private static boolean anyPriority(Connection c, Scope scope) throws SQLException {
        if (scope.isEmpty()) {
            return false;
        }
        return !Jdbc.query(c, "select 1 from directory_people where priority_reason is not null and school_id in ("
                + String.join(",", Collections.nCopies(scope.ids().length, "?")) + ") fetch first 1 rows only",
                rs -> 1, Arrays.stream(scope.ids()).boxed().toArray()).isEmpty();
    }

    /** True when some school of the scope has imported a directory (routing then looks people up per alert). */
    private static boolean directoryInUse(Connection c, Scope scope) throws SQLException {
        if (scope.isEmpty() || scope.readership().unrestricted()) {
            return false;
        }
        return !Jdbc.query(c, "select 1 from directory_logins where school_id in ("
                + String.join(",", Collections.nCopies(scope.ids().length, "?")) + ") fetch first 1 rows only",
                rs -> 1, Arrays.stream(scope.ids()).boxed().toArray()).isEmpty();
    }

    @Override
    public Set<Long> visible(Collection<Long> rowIds, Scope scope) {
        Set<Long> result = new HashSet<>();
        if (scope.seesNoAlerts()) {
            return result;
        }
        List<Long> ids = List.copyOf(rowIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> params = new ArrayList<>(chunk);
            Arrays.stream(scope.ids()).forEach(params::add);
            String sql = "select a.id from alerts a where a.id in (" + String.join(",", Collections.nCopies(chunk.size(),
                    "?")) + ") and a.school_id in (" + String.join(",", Collections.nCopies(scope.ids().length, "?"))
                    + ")" + RoutingSql.and(scope, params);
            result.addAll(jdbc.query(sql, rs -> rs.getLong(1), params.toArray()));
        }
        return result;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    static StoredAlert map(ResultSet rs) throws SQLException {
        String rules = rs.getString("rule_ids");
        // An incident logged by hand has no device: "" rather than null, for the index and the pages.
        return new StoredAlert(rs.getLong("id"), rs.getString("uuid"), nonNull(rs.getString("device_id")),
                nonNull(rs.getString("hostname")), rs.getLong("school_id"), rs.getLong("sequence"), rs.getString("category"),
                rs.getInt("severity"), rs.getInt("score"), rules.isEmpty() ? List.of() : Arrays.asList(rules.split(" ")),
                rs.getString("snippet"), rs.getString("app"), rs.getString("window_title"), rs.getString("url"),
                rs.getString("username"), Jdbc.instant(rs, "occurred_at"), Jdbc.instant(rs, "received_at"),
                rs.getString("source"), rs.getString("list_version"), AlertStatus.fromId(rs.getString("status")),
                rs.getString("language"), rs.getString("assignee"));
    }
}
