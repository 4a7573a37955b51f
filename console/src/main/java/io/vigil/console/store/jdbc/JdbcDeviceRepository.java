package io.vigil.console.store.jdbc;

import io.vigil.console.domain.Device;
import io.vigil.console.domain.DeviceCapabilities;
import io.vigil.console.domain.DeviceFacts;
import io.vigil.console.domain.DeviceRepository;
import io.vigil.console.domain.Text;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.SequenceBounds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcDeviceRepository implements DeviceRepository {

    private final Jdbc jdbc;

    public JdbcDeviceRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void create(Device device, String credentialHash) {
        DeviceFacts f = device.facts();
        jdbc.update("""
                insert into devices (id, school_id, hostname, os_name, os_version, hardware_id, agent_version,
                                     credential_hash, enrolled_at, model)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                device.id(), device.schoolId(), f.hostname(), f.osName(), f.osVersion(), f.hardwareId(),
                f.agentVersion(), credentialHash, device.enrolledAt(), f.model());
    }

    @Override
    public Optional<String> credentialHash(String deviceId) {
        return jdbc.query("select credential_hash from devices where id = ?", rs -> rs.getString(1), deviceId)
                .stream().findFirst();
    }

    @Override
    public Optional<String> idByHardwareId(long schoolId, String hardwareId) {
        // A revoked record is never revived: the IT provider said that installation is not to be trusted, so a
        // re-enrolment (with a new valid token) starts a new record and the revoked one stays as it was.
        return jdbc.query("""
                select id from devices where school_id = ? and hardware_id = ? and revoked_at is null
                order by enrolled_at desc, id fetch first 1 rows only""", rs -> rs.getString(1), schoolId, hardwareId)
                .stream().findFirst();
    }

    @Override
    public void reEnrol(String deviceId, String credentialHash, DeviceFacts f) {
        jdbc.update("""
                update devices set credential_hash = ?, hostname = ?, os_name = ?, os_version = ?, hardware_id = ?,
                                   agent_version = ?, model = ?
                where id = ?""",
                credentialHash, f.hostname(), f.osName(), f.osVersion(), f.hardwareId(), f.agentVersion(), f.model(),
                deviceId);
    }

    @Override
    public void recordHello(String deviceId, DeviceFacts f, String user, Instant at) {
        jdbc.updateReported("""
                update devices set hostname = ?, os_name = ?, os_version = ?, hardware_id = ?, agent_version = ?,
                                   last_user = ?, last_seen_at = ?, model = ?
                where id = ?""",
                f.hostname(), f.osName(), f.osVersion(), f.hardwareId(), f.agentVersion(), user, at, f.model(),
                deviceId);
    }

    @Override
    public void recordSeen(String deviceId, Instant at) {
        jdbc.updateReported("update devices set last_seen_at = ? where id = ?", at, deviceId);
    }

    @Override
    public void recordSpoolProblem(String deviceId, String problem) {
        jdbc.updateReported("update devices set spool_problem = ? where id = ?", Text.bounded(problem, 500), deviceId);
    }

    @Override
    public void recordCapabilities(String deviceId, DeviceCapabilities capabilities) {
        StringBuilder unavailable = new StringBuilder();
        capabilities.unavailable().forEach((capability, reason) -> unavailable.append(capability.replaceAll("\\s", "_"))
                .append('\t').append(reason.replaceAll("[\\t\\r\\n]", " ")).append('\n'));
        jdbc.updateReported("update devices set capabilities = ?, unavailable_capabilities = ? where id = ?",
                Text.bounded(String.join(" ", capabilities.available()), 1000),
                Text.bounded(unavailable.toString(), 4000), deviceId);
    }

    private static DeviceCapabilities capabilities(String available, String unavailable) {
        List<String> list = available.isBlank() ? List.of() : List.of(available.strip().split(" "));
        Map<String, String> missing = new LinkedHashMap<>();
        unavailable.lines().filter(l -> l.contains("\t")).forEach(l -> {
            int tab = l.indexOf('\t');
            missing.put(l.substring(0, tab), l.substring(tab + 1));
        });
        return new DeviceCapabilities(list, missing);
    }

    /**
     * Records above {@link SequenceBounds#SAFE_MAX} can only be left from before the console refused them; they
     * do not count, or the device would be told to number its records past the safe range.
     */
    @Override
    public long highestStoredSequence(String deviceId) {
        return jdbc.query("""
                select greatest(coalesce((select max(sequence) from alerts where device_id = ? and sequence <= ?), 0),
                                coalesce((select max(sequence) from filter_events where device_id = ? and sequence <= ?), 0),
                                coalesce((select max(sequence) from notice_acceptances where device_id = ? and sequence <= ?), 0),
                                coalesce((select max(sequence) from browsing_summaries_received
                                          where device_id = ? and sequence <= ?), 0),
                                coalesce((select max(sequence) from review_requests where device_id = ? and sequence <= ?), 0),
                                coalesce((select max(sequence) from tamper_events where device_id = ? and sequence <= ?), 0))""",
                rs -> rs.getLong(1), deviceId, SequenceBounds.SAFE_MAX, deviceId, SequenceBounds.SAFE_MAX, deviceId,
                SequenceBounds.SAFE_MAX, deviceId, SequenceBounds.SAFE_MAX, deviceId, SequenceBounds.SAFE_MAX,
                deviceId, SequenceBounds.SAFE_MAX).getFirst();
    }

    @Override
    public List<Device> inScope(Scope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        long[] ids = scope.ids();
        Object[] params = java.util.Arrays.stream(ids).boxed().toArray();
        return jdbc.query("select d.*, s.name as school_name from devices d join schools s on s.id = d.school_id"
                + " where d.school_id in (" + String.join(",", java.util.Collections.nCopies(ids.length, "?")) + ")"
                + " order by d.hostname, d.id", JdbcDeviceRepository::device, params);
    }

    /** A row of {@code devices d join schools s} (with {@code s.name as school_name}). */
    static Device device(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Device(rs.getString("id"), rs.getLong("school_id"), rs.getString("school_name"),
                new DeviceFacts(rs.getString("hostname"), rs.getString("os_name"), rs.getString("os_version"),
                        rs.getString("hardware_id"), rs.getString("agent_version"), rs.getString("model")),
                rs.getString("last_user"), Jdbc.instant(rs, "enrolled_at"), Jdbc.instant(rs, "last_seen_at"),
                capabilities(rs.getString("capabilities"), rs.getString("unavailable_capabilities")),
                rs.getString("spool_problem"));
    }
}
