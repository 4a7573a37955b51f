package io.vigil.console.store.jdbc;

import io.vigil.console.domain.Scope;
import io.vigil.console.domain.StoredTamperEvent;
import io.vigil.console.domain.TamperEvent;
import io.vigil.console.domain.TamperEventRepository;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Tamper events in {@code tamper_events}; written once per uuid, read per school. */
public final class JdbcTamperEventRepository implements TamperEventRepository {

    private final Jdbc jdbc;

    public JdbcTamperEventRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean storeOnce(TamperEvent e, Instant receivedAt) {
        return jdbc.insertOnce(c -> {
            if (!Jdbc.query(c, "select 1 from tamper_events where uuid = ?", rs -> 1, e.uuid()).isEmpty()) {
                return false;
            }
            Jdbc.update(c, """
                    insert into tamper_events (uuid, school_id, device_id, sequence, kind, detail, username,
                                               occurred_at, received_at)
                    values (?, (select school_id from devices where id = ?), ?, ?, ?, ?, ?, ?, ?)""",
                    e.uuid(), e.deviceId(), e.deviceId(), e.sequence(), e.kind(), e.detail(), e.user(),
                    e.occurredAt(), receivedAt);
            return true;
        });
    }

    @Override
    public List<StoredTamperEvent> recent(Scope scope, int limit) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select t.*, d.hostname from tamper_events t join devices d on d.id = t.device_id "
                + "where t.school_id in (" + placeholders(scope) + ") order by t.occurred_at desc, t.id desc limit "
                + Math.clamp(limit, 1, 1000),
                rs -> new StoredTamperEvent(rs.getString("uuid"), rs.getString("device_id"), rs.getString("hostname"),
                        rs.getLong("school_id"), rs.getString("kind"), rs.getString("detail"),
                        rs.getString("username"), Jdbc.instant(rs, "occurred_at"), Jdbc.instant(rs, "received_at")),
                Arrays.stream(scope.ids()).boxed().toArray());
    }

    @Override
    public Map<String, Integer> countsSince(Scope scope, Instant since) {
        if (scope.isEmpty()) {
            return Map.of();
        }
        Object[] params = java.util.stream.Stream.concat(Arrays.stream(scope.ids()).boxed(),
                java.util.stream.Stream.of(since)).toArray();
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("select device_id, count(*) as n from tamper_events where school_id in (" + placeholders(scope)
                + ") and occurred_at >= ? group by device_id", rs -> Map.entry(rs.getString("device_id"),
                rs.getInt("n")), params).forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static String placeholders(Scope scope) {
        return String.join(",", Collections.nCopies(scope.ids().length, "?"));
    }
}
