package io.vigil.console.store.jdbc;

import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Text;
import io.vigil.console.policy.DevicePolicyStatus;
import io.vigil.console.policy.NewPolicyChange;
import io.vigil.console.policy.PolicyChange;
import io.vigil.console.policy.PolicyChangeEntry;
import io.vigil.console.policy.PolicyRepository;
import io.vigil.console.policy.PublishedPolicy;
import io.vigil.console.policy.SignedPolicy;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcPolicyRepository implements PolicyRepository {

    private static final String FILTER_POLICY = "filter_policy";

    private final Jdbc jdbc;
    private final JdbcPolicyChanges changes;

    public JdbcPolicyRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
        this.changes = new JdbcPolicyChanges(jdbc);
    }

    @Override
    public PublishedPolicy publish(long schoolId, String fileName, String document, SignedPolicy signed, String actor,
                                   Instant at) {
        String name = Text.bounded(fileName, 200);
        long id = jdbc.transaction(c -> {
            JdbcPolicyChanges.supersede(c, schoolId);
            long inserted = Jdbc.insertReturningId(c, """
                    insert into policy_versions (school_id, kind, version, file_name, document, signature, key_id,
                                                 requested_by, requested_at, status, action)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'live', 'overlay')""",
                    schoolId, FILTER_POLICY, signed.version(), name, signed.document(),
                    Base64.getEncoder().encodeToString(signed.signature()), signed.keyId(), actor, at);
            Jdbc.update(c, "update policy_versions set change_group = id where id = ?", inserted);
            return inserted;
        });
        return new PublishedPolicy(id, schoolId, signed.version(), name, actor, at, "live", signed.keyId());
    }

    @Override
    public Optional<PolicyChange> change(long id) {
        return jdbc.query("select * from policy_versions where id = ? and kind = ?", rs -> new PolicyChange(
                version(rs), new String(rs.getBytes("document"), StandardCharsets.UTF_8)), id, FILTER_POLICY)
                .stream().findFirst();
    }

    @Override
    public long addChange(NewPolicyChange change) {
        return changes.add(change);
    }

    @Override
    public Optional<Long> changeOf(long versionId) {
        return changes.changeOf(versionId);
    }

    @Override
    public Optional<PolicyChangeEntry> changeEntry(long changeId) {
        return changes.entry(changeId);
    }

    @Override
    public List<PolicyChange> versionsOf(long changeId) {
        return jdbc.query("select * from policy_versions where change_group = ? and kind = ? order by id",
                rs -> new PolicyChange(version(rs), new String(rs.getBytes("document"), StandardCharsets.UTF_8)),
                changeId, FILTER_POLICY);
    }

    @Override
    public boolean decideChange(long changeId, Map<Long, SignedPolicy> signed, String decider, Instant at) {
        return changes.decide(changeId, signed, decider, at);
    }

    @Override
    public boolean reviewChange(long changeId, String reviewer, Instant at) {
        return changes.review(changeId, reviewer, at);
    }

    @Override
    public List<PolicyChangeEntry> unreviewedEmergencies(Instant due) {
        return changes.unreviewedEmergencies(due);
    }

    @Override
    public void flagChange(long changeId, Instant at) {
        changes.flag(changeId, at);
    }

    @Override
    public List<PolicyChangeEntry> changeLog(Scope scope, int max) {
        return changes.changeLog(scope, max);
    }

    private static PublishedPolicy version(ResultSet rs) throws SQLException {
        return new PublishedPolicy(rs.getLong("id"), rs.getLong("school_id"), rs.getString("version"),
                rs.getString("file_name"), rs.getString("requested_by"), Jdbc.instant(rs, "requested_at"),
                rs.getString("status"), rs.getString("key_id"));
    }

    @Override
    public Optional<SignedPolicy> live(long schoolId) {
        return jdbc.query("select version, document, signature, key_id from policy_versions where school_id = ? "
                + "and kind = ? and status = 'live'", JdbcPolicyRepository::signed, schoolId, FILTER_POLICY)
                .stream().findFirst();
    }

    @Override
    public Optional<SignedPolicy> liveForDevice(String deviceId) {
        return jdbc.query("""
                select p.version, p.document, p.signature, p.key_id from policy_versions p
                join devices d on d.school_id = p.school_id
                where d.id = ? and p.kind = ? and p.status = 'live'""",
                JdbcPolicyRepository::signed, deviceId, FILTER_POLICY).stream().findFirst();
    }

    private static SignedPolicy signed(ResultSet rs) throws SQLException {
        return new SignedPolicy(rs.getString("version"), rs.getBytes("document"),
                Base64.getDecoder().decode(rs.getString("signature")), rs.getString("key_id"));
    }

    @Override
    public List<PublishedPolicy> history(Scope scope, int max) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select id, school_id, version, file_name, requested_by, requested_at, status, key_id "
                + "from policy_versions where kind = ? and school_id in (" + placeholders(scope) + ") "
                + "order by id desc limit " + Math.max(1, max), JdbcPolicyRepository::version, params(FILTER_POLICY, scope));
    }

    @Override
    public List<String> deviceIdsOf(long schoolId) {
        return jdbc.query("select id from devices where school_id = ?", rs -> rs.getString(1), schoolId);
    }

    @Override
    public void recordApplied(String deviceId, String version, boolean ok, String error, Instant at) {
        if (ok) {
            jdbc.update("update devices set policy_version = ?, policy_error = null, policy_reported_at = ? "
                    + "where id = ?", Text.bounded(version, 80), at, deviceId);
        } else {
            // The device keeps enforcing what it ran before; only the error is new.
            jdbc.update("update devices set policy_error = ?, policy_reported_at = ? where id = ?",
                    Text.bounded("version " + version + " refused: " + error, 1000), at, deviceId);
        }
    }

    @Override
    public Map<String, DevicePolicyStatus> statuses(Scope scope) {
        Map<String, DevicePolicyStatus> byDevice = new LinkedHashMap<>();
        if (scope.isEmpty()) {
            return byDevice;
        }
        jdbc.query("select id, policy_version, policy_error, policy_reported_at from devices where school_id in ("
                + placeholders(scope) + ") and policy_reported_at is not null", rs -> new DevicePolicyStatus(
                rs.getString("id"), rs.getString("policy_version"), rs.getString("policy_error"),
                Jdbc.instant(rs, "policy_reported_at")), params(null, scope))
                .forEach(s -> byDevice.put(s.deviceId(), s));
        return byDevice;
    }

    private static String placeholders(Scope scope) {
        return String.join(",", Collections.nCopies(scope.ids().length, "?"));
    }

    private static Object[] params(Object first, Scope scope) {
        Object[] ids = Arrays.stream(scope.ids()).boxed().toArray();
        if (first == null) {
            return ids;
        }
        Object[] all = new Object[ids.length + 1];
        all[0] = first;
        System.arraycopy(ids, 0, all, 1, ids.length);
        return all;
    }
}
