package io.vigil.console.store.jdbc;

import io.vigil.console.domain.Scope;
import io.vigil.console.lists.DeviceListStatus;
import io.vigil.console.lists.KeywordListRepository;
import io.vigil.console.lists.ListChange;
import io.vigil.console.lists.ListDiff;
import io.vigil.console.lists.NewListChange;
import io.vigil.console.lists.RetroTest;
import io.vigil.console.lists.StoredMatch;
import io.vigil.console.policy.SignedPolicy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

public final class JdbcKeywordListRepository implements KeywordListRepository {

    private static final String COLUMNS = "id, school_id, action, layer_version, base_version, diff, retro_test, reason, "
            + "requested_by, requested_at, status, decided_by, decided_at, review_due, reviewed_by, reviewed_at, flagged_at";

    private final Jdbc jdbc;

    public JdbcKeywordListRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public ListChange add(NewListChange c) {
        long id = jdbc.transaction(conn -> {
            if (c.status().equals("live")) {
                supersede(conn, c.schoolId());
            }
            long newId = Jdbc.insertReturningId(conn, """
                    insert into keyword_list_changes (school_id, action, layer, layer_version, base_version, diff,
                        retro_test, reason, requested_by, requested_at, status, review_due)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", c.schoolId(), c.action(), c.layer(),
                    c.layerVersion(), c.baseVersion(), c.diff().encode(), c.retroTest().encode(),
                    bounded(c.reason(), 1000), c.requestedBy(), c.at(), c.status(), c.reviewDue());
            for (long school : c.schools()) {
                Jdbc.update(conn, "insert into keyword_list_change_schools (change_id, school_id) values (?, ?)",
                        newId, school);
            }
            return newId;
        });
        return change(id).orElseThrow();
    }

    private static void supersede(Connection conn, Long schoolId) throws SQLException {
        if (schoolId == null) {
            Jdbc.update(conn, "update keyword_list_changes set status = 'superseded' where school_id is null "
                    + "and status = 'live'");
        } else {
            Jdbc.update(conn, "update keyword_list_changes set status = 'superseded' where school_id = ? "
                    + "and status = 'live'", schoolId);
        }
    }

    @Override
    public Optional<ListChange> change(long id) {
        return jdbc.transaction(conn -> {
            List<ListChange> found = Jdbc.query(conn, "select " + COLUMNS + " from keyword_list_changes where id = ?",
                    rs -> row(conn, rs), id);
            return found.stream().findFirst();
        });
    }

    @Override
    public byte[] layer(long id) {
        return jdbc.query("select layer from keyword_list_changes where id = ?", rs -> rs.getBytes(1), id)
                .stream().findFirst().orElseThrow(() -> new io.vigil.console.domain.ConsoleException("change " + id + " not found"));
    }

    @Override
    public Optional<byte[]> liveLayer(Long schoolId) {
        return (schoolId == null
                ? jdbc.query("select layer from keyword_list_changes where school_id is null and status = 'live'",
                        rs -> rs.getBytes(1))
                : jdbc.query("select layer from keyword_list_changes where school_id = ? and status = 'live'",
                        rs -> rs.getBytes(1), schoolId)).stream().findFirst();
    }

    @Override
    public boolean decide(long id, boolean approve, String decider, Instant at) {
        return jdbc.transaction(conn -> {
            var pending = Jdbc.query(conn, "select school_id from keyword_list_changes where id = ? and status = "
                    + "'pending'", rs -> Optional.ofNullable((Long) rs.getObject(1, Long.class)), id);
            if (pending.isEmpty()) {
                return false;
            }
            if (approve) {
                supersede(conn, pending.getFirst().orElse(null));
            }
            return Jdbc.update(conn, "update keyword_list_changes set status = ?, decided_by = ?, decided_at = ? "
                    + "where id = ? and status = 'pending'", approve ? "live" : "rejected", decider, at, id) == 1;
        });
    }

    @Override
    public boolean review(long id, String reviewer, Instant at) {
        return jdbc.update("update keyword_list_changes set reviewed_by = ?, reviewed_at = ? where id = ? and "
                + "action = 'emergency' and reviewed_by is null", reviewer, at, id) == 1;
    }

    @Override
    public List<ListChange> unreviewedEmergencies(Instant due) {
        return jdbc.transaction(conn -> Jdbc.query(conn, "select " + COLUMNS + " from keyword_list_changes where "
                + "action = 'emergency' and reviewed_by is null and flagged_at is null and review_due <= ? order by id",
                rs -> row(conn, rs), due));
    }

    @Override
    public void flag(long id, Instant at) {
        jdbc.update("update keyword_list_changes set flagged_at = ? where id = ? and flagged_at is null", at, id);
    }

    @Override
    public List<ListChange> changeLog(Scope scope, int max) {
        if (scope.isEmpty()) {
            return List.of();
        }
        String in = Arrays.stream(scope.ids()).mapToObj(Long::toString).collect(Collectors.joining(","));
        return jdbc.transaction(conn -> Jdbc.query(conn, "select " + COLUMNS + " from keyword_list_changes where id in "
                + "(select change_id from keyword_list_change_schools where school_id in (" + in + ")) "
                + "order by id desc limit " + Math.max(1, max), rs -> row(conn, rs)));
    }

    @Override
    public void publishBundle(long schoolId, SignedPolicy bundle, long changeId, Instant at) {
        String signature = Base64.getEncoder().encodeToString(bundle.signature());
        jdbc.transaction(conn -> {
            int updated = Jdbc.update(conn, "update school_keyword_bundles set version = ?, bundle = ?, signature = ?, "
                    + "key_id = ?, change_id = ?, published_at = ? where school_id = ?", bundle.version(),
                    bundle.document(), signature, bundle.keyId(), changeId, at, schoolId);
            if (updated == 0) {
                Jdbc.update(conn, "insert into school_keyword_bundles (school_id, version, bundle, signature, key_id, "
                        + "change_id, published_at) values (?, ?, ?, ?, ?, ?, ?)", schoolId, bundle.version(),
                        bundle.document(), signature, bundle.keyId(), changeId, at);
            }
            return null;
        });
    }

    @Override
    public Optional<SignedPolicy> bundleForDevice(String deviceId) {
        return jdbc.query("select b.version, b.bundle, b.signature, b.key_id from school_keyword_bundles b join devices d "
                + "on d.school_id = b.school_id where d.id = ?", JdbcKeywordListRepository::signed, deviceId)
                .stream().findFirst();
    }

    @Override
    public Optional<SignedPolicy> bundle(long schoolId) {
        return jdbc.query("select version, bundle, signature, key_id from school_keyword_bundles where school_id = ?",
                JdbcKeywordListRepository::signed, schoolId).stream().findFirst();
    }

    private static SignedPolicy signed(ResultSet rs) throws SQLException {
        return new SignedPolicy(rs.getString("version"), rs.getBytes("bundle"),
                Base64.getDecoder().decode(rs.getString("signature")), rs.getString("key_id"));
    }

    @Override
    public List<String> deviceIdsOf(long schoolId) {
        return jdbc.query("select id from devices where school_id = ?", rs -> rs.getString(1), schoolId);
    }

    @Override
    public List<StoredMatch> storedMatches(Collection<Long> schoolIds, int max) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        String in = schoolIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        return jdbc.query("select a.category, a.severity, a.rule_ids, a.snippet, a.outcome from alerts a join devices d "
                + "on d.id = a.device_id where d.school_id in (" + in + ") order by a.id desc limit " + Math.max(1, max),
                rs -> new StoredMatch(rs.getString(1), rs.getInt(2), Arrays.stream(rs.getString(3).split(" "))
                        .filter(s -> !s.isBlank()).toList(), rs.getString(4),
                        "false_positive".equals(rs.getString(5))));
    }

    @Override
    public void recordRunning(String deviceId, String version, Instant at) {
        upsert(deviceId, "update device_list_status set running = ?, reported_at = ? where device_id = ?",
                new Object[] {version, at, deviceId}, version, null, at);
    }

    @Override
    public void recordApplied(String deviceId, String version, boolean ok, String error, Instant at) {
        if (ok) {
            upsert(deviceId, "update device_list_status set running = ?, error = null, reported_at = ? where device_id = ?",
                    new Object[] {version, at, deviceId}, version, null, at);
        } else {
            String message = bounded("version " + version + " refused: " + error, 1000);
            upsert(deviceId, "update device_list_status set error = ?, reported_at = ? where device_id = ?",
                    new Object[] {message, at, deviceId}, "", message, at);
        }
    }

    private void upsert(String deviceId, String update, Object[] params, String running, String error, Instant at) {
        jdbc.transaction(conn -> {
            if (Jdbc.update(conn, update, params) == 0) {
                Jdbc.update(conn, "insert into device_list_status (device_id, running, error, reported_at) "
                        + "values (?, ?, ?, ?)", deviceId, running, error, at);
            }
            return null;
        });
    }

    @Override
    public Map<String, DeviceListStatus> deviceStatuses(Scope scope) {
        if (scope.isEmpty()) {
            return Map.of();
        }
        String in = Arrays.stream(scope.ids()).mapToObj(Long::toString).collect(Collectors.joining(","));
        Map<String, DeviceListStatus> out = new LinkedHashMap<>();
        jdbc.query("select s.device_id, s.running, s.error, s.reported_at from device_list_status s join devices d "
                + "on d.id = s.device_id where d.school_id in (" + in + ") order by s.device_id",
                rs -> new DeviceListStatus(rs.getString(1), rs.getString(2), rs.getString(3),
                        Jdbc.instant(rs, "reported_at"))).forEach(s -> out.put(s.deviceId(), s));
        return out;
    }

    private static ListChange row(Connection conn, ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Long> schools = Jdbc.query(conn, "select school_id from keyword_list_change_schools where change_id = ? "
                + "order by school_id", r -> r.getLong(1), id);
        return new ListChange(id, (Long) rs.getObject("school_id", Long.class), rs.getString("action"),
                rs.getString("layer_version"), rs.getString("base_version"), rs.getString("reason"),
                rs.getString("requested_by"), Jdbc.instant(rs, "requested_at"), rs.getString("status"),
                rs.getString("decided_by"), Jdbc.instant(rs, "decided_at"), Jdbc.instant(rs, "review_due"),
                rs.getString("reviewed_by"), Jdbc.instant(rs, "reviewed_at"), Jdbc.instant(rs, "flagged_at"), schools,
                ListDiff.decode(rs.getBytes("diff")), RetroTest.decode(rs.getBytes("retro_test")));
    }

    private static String bounded(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }
}
