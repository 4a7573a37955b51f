package io.vigil.console.store.jdbc;

import io.vigil.console.domain.HeartbeatFigures;
import io.vigil.console.domain.Scope;
import io.vigil.console.fleet.DeviceRecord;
import io.vigil.console.fleet.FleetRepository;
import io.vigil.console.fleet.HealthSettings;
import io.vigil.console.fleet.ItAlert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcFleetRepository implements FleetRepository {

    private static final String DEVICES = """
            select d.*, s.name as school_name, t.created_by as token_created_by, t.created_at as token_created_at
            from devices d join schools s on s.id = d.school_id
            left join enrolment_tokens t on t.id = d.enrolment_token_id
            """;
    private static final String IT_ALERTS = """
            select a.*, d.hostname from it_alerts a join devices d on d.id = a.device_id
            """;

    private final Jdbc jdbc;

    public JdbcFleetRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<DeviceRecord> devices(Scope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.query(DEVICES + "where d.school_id in (" + marks(scope) + ") order by d.hostname, d.id",
                JdbcFleetRepository::record, ids(scope));
    }

    @Override
    public Optional<DeviceRecord> device(String deviceId, Scope scope) {
        return jdbc.query(DEVICES + "where d.id = ?", JdbcFleetRepository::record, deviceId).stream()
                .filter(d -> scope.contains(d.device().schoolId())).findFirst();
    }

    @Override
    public Optional<Instant> revokedAt(String deviceId) {
        return jdbc.query("select revoked_at from devices where id = ? and revoked_at is not null",
                rs -> Jdbc.instant(rs, "revoked_at"), deviceId).stream().findFirst();
    }

    @Override
    public boolean revoke(String deviceId, Scope scope, String by, Instant at) {
        if (scope.isEmpty()) {
            return false;
        }
        Object[] params = new Object[3 + scope.ids().length];
        params[0] = at;
        params[1] = by;
        params[2] = deviceId;
        System.arraycopy(ids(scope), 0, params, 3, scope.ids().length);
        return jdbc.update("update devices set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null"
                + " and school_id in (" + marks(scope) + ")", params) == 1;
    }

    @Override
    public void recordFigures(String deviceId, HeartbeatFigures f) {
        jdbc.updateReported("""
                update devices set spool_depth = ?, refused_count = ?, reported_list_version = ?,
                reported_policy_version = ? where id = ?""",
                f.spoolDepth(), f.refusedCount(), f.listVersion(), f.policyVersion(), deviceId);
    }

    @Override
    public Optional<HealthSettings> healthSettings(long schoolId) {
        return jdbc.query("select silent_hours from device_health_settings where school_id = ?",
                rs -> new HealthSettings(rs.getInt(1)), schoolId).stream().findFirst();
    }

    @Override
    public void saveHealthSettings(long schoolId, HealthSettings settings, String by, Instant at) {
        jdbc.transaction(c -> {
            if (Jdbc.update(c, "update device_health_settings set silent_hours = ?, updated_by = ?, updated_at = ?"
                    + " where school_id = ?", settings.silentHours(), by, at, schoolId) == 0) {
                Jdbc.update(c, "insert into device_health_settings (school_id, silent_hours, updated_by, updated_at)"
                        + " values (?, ?, ?, ?)", schoolId, settings.silentHours(), by, at);
            }
            return null;
        });
    }

    @Override
    public List<ItAlert> raiseNotReporting(long schoolId, Instant silentBefore, Instant now) {
        return jdbc.transaction(c -> {
            List<String[]> silent = Jdbc.query(c, """
                    select d.id, d.hostname, coalesce(d.last_seen_at, d.enrolled_at) as heard from devices d
                    where d.school_id = ? and d.revoked_at is null and coalesce(d.last_seen_at, d.enrolled_at) < ?
                    and not exists (select 1 from it_alerts a where a.device_id = d.id and a.kind = ?
                                    and a.cleared_at is null)""",
                    rs -> new String[] {rs.getString("id"), rs.getString("hostname"),
                            String.valueOf(Jdbc.instant(rs, "heard"))},
                    schoolId, silentBefore, ItAlert.NOT_REPORTING);
            List<ItAlert> raised = new java.util.ArrayList<>();
            for (String[] d : silent) {
                String detail = "last heard from " + d[2];
                long id = Jdbc.insertReturningId(c, """
                        insert into it_alerts (school_id, device_id, kind, detail, raised_at, open_key)
                        values (?, ?, ?, ?, ?, ?)""", schoolId, d[0], ItAlert.NOT_REPORTING, detail, now,
                        d[0] + "|" + ItAlert.NOT_REPORTING);
                raised.add(new ItAlert(id, schoolId, d[0], d[1], ItAlert.NOT_REPORTING, detail, now, null));
            }
            return raised;
        });
    }

    @Override
    public int clear(String deviceId, String kind, Instant at) {
        return jdbc.update("update it_alerts set cleared_at = ?, open_key = null where device_id = ? and kind = ?"
                + " and cleared_at is null", at, deviceId, kind);
    }

    @Override
    public int clearHeardSince(long schoolId, String kind, Instant heardSince, Instant at) {
        return jdbc.update("""
                update it_alerts set cleared_at = ?, open_key = null where school_id = ? and kind = ?
                and cleared_at is null and device_id in (select d.id from devices d where d.school_id = ?
                and coalesce(d.last_seen_at, d.enrolled_at) >= ?)""", at, schoolId, kind, schoolId, heardSince);
    }

    @Override
    public List<ItAlert> itAlerts(Scope scope, boolean openOnly, int max) {
        if (scope.isEmpty()) {
            return List.of();
        }
        Object[] params = Arrays.copyOf(ids(scope), scope.ids().length + 1);
        params[params.length - 1] = max;
        return jdbc.query(IT_ALERTS + "where a.school_id in (" + marks(scope) + ")"
                + (openOnly ? " and a.cleared_at is null" : "") + " order by a.raised_at desc, a.id desc limit ?",
                JdbcFleetRepository::itAlert, params);
    }

    @Override
    public List<ItAlert> itAlertsOf(String deviceId, int max) {
        return jdbc.query(IT_ALERTS + "where a.device_id = ? order by a.raised_at desc, a.id desc limit ?",
                JdbcFleetRepository::itAlert, deviceId, max);
    }

    private static DeviceRecord record(ResultSet rs) throws SQLException {
        long tokenId = rs.getLong("enrolment_token_id");
        Long token = rs.wasNull() ? null : tokenId;
        return new DeviceRecord(JdbcDeviceRepository.device(rs),
                new HeartbeatFigures(rs.getLong("spool_depth"), rs.getLong("refused_count"),
                        rs.getString("reported_list_version"), rs.getString("reported_policy_version")),
                token, token == null ? "" : rs.getString("token_created_by"), Jdbc.instant(rs, "token_created_at"),
                Jdbc.instant(rs, "revoked_at"), rs.getString("revoked_by"));
    }

    private static ItAlert itAlert(ResultSet rs) throws SQLException {
        return new ItAlert(rs.getLong("id"), rs.getLong("school_id"), rs.getString("device_id"),
                rs.getString("hostname"), rs.getString("kind"), rs.getString("detail"), Jdbc.instant(rs, "raised_at"),
                Jdbc.instant(rs, "cleared_at"));
    }

    private static String marks(Scope scope) {
        return String.join(",", Collections.nCopies(scope.ids().length, "?"));
    }

    private static Object[] ids(Scope scope) {
        return Arrays.stream(scope.ids()).boxed().toArray();
    }
}
