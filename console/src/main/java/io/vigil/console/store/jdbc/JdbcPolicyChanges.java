package io.vigil.console.store.jdbc;

import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Text;
import io.vigil.console.policy.NewPolicyChange;
import io.vigil.console.policy.PolicyChangeEntry;
import io.vigil.console.policy.SignedPolicy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The change-log side of {@code policy_versions}: a change is the versions sharing a {@code change_group} (one per
 * affected school), decided, reviewed and flagged together. {@link JdbcPolicyRepository} delegates here.
 */
final class JdbcPolicyChanges {

    private static final String FILTER_POLICY = "filter_policy";
    private static final String COLUMNS = "id, school_id, change_group, provider_wide, action, status, reason, diff, "
            + "requested_by, requested_at, decided_by, decided_at, review_due, reviewed_by, reviewed_at, flagged_at";

    private final Jdbc jdbc;

    JdbcPolicyChanges(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    long add(NewPolicyChange c) {
        return jdbc.transaction(conn -> {
            Long group = null;
            for (var entry : c.documents().entrySet()) {
                long school = entry.getKey();
                SignedPolicy signed = c.signed().get(school);
                if (c.liveAtOnce()) {
                    supersede(conn, school);
                }
                long id = Jdbc.insertReturningId(conn, """
                        insert into policy_versions (school_id, kind, version, file_name, document, signature, key_id,
                            requested_by, requested_at, reason, status, provider_wide, action, diff, review_due)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        school, FILTER_POLICY,
                        signed == null ? versionOf(entry.getValue()) : signed.version(),
                        Text.bounded(c.fileName(), 200),
                        signed == null ? entry.getValue().getBytes(StandardCharsets.UTF_8) : signed.document(),
                        signed == null ? null : Base64.getEncoder().encodeToString(signed.signature()),
                        signed == null ? null : signed.keyId(), c.requestedBy(), c.at(), Text.bounded(c.reason(), 1000),
                        c.liveAtOnce() ? "live" : "pending", c.providerWide(), c.action(),
                        diffText(c.diff().getOrDefault(school, List.of())), c.reviewDue());
                group = group == null ? id : group;
                Jdbc.update(conn, "update policy_versions set change_group = ? where id = ?", group, id);
            }
            if (group == null) {
                throw new IllegalArgumentException("a change affects at least one school");
            }
            return group;
        });
    }

    Optional<Long> changeOf(long versionId) {
        return jdbc.query("select change_group from policy_versions where id = ? and kind = ?",
                rs -> rs.getLong(1), versionId, FILTER_POLICY).stream().findFirst();
    }

    Optional<PolicyChangeEntry> entry(long changeId) {
        return entries("change_group = ?", List.of(changeId), null).stream().findFirst();
    }

    boolean decide(long changeId, Map<Long, SignedPolicy> signed, String decider, Instant at) {
        return jdbc.transaction(conn -> {
            List<long[]> pending = Jdbc.query(conn, "select id, school_id from policy_versions where change_group = ? "
                    + "and status = 'pending'", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, changeId);
            if (pending.isEmpty()) {
                return false;
            }
            int decided = 0;
            for (long[] row : pending) {
                SignedPolicy s = signed.get(row[1]);
                if (s == null) {
                    decided += Jdbc.update(conn, "update policy_versions set status = 'rejected', decided_by = ?, "
                            + "decided_at = ? where id = ? and status = 'pending'", decider, at, row[0]);
                    continue;
                }
                supersede(conn, row[1]);
                decided += Jdbc.update(conn, """
                        update policy_versions set status = 'live', version = ?, document = ?, signature = ?, key_id = ?,
                                                   decided_by = ?, decided_at = ?
                        where id = ? and status = 'pending'""", s.version(), s.document(),
                        Base64.getEncoder().encodeToString(s.signature()), s.keyId(), decider, at, row[0]);
            }
            return decided == pending.size();
        });
    }

    boolean review(long changeId, String reviewer, Instant at) {
        return jdbc.update("update policy_versions set reviewed_by = ?, reviewed_at = ? where change_group = ? and "
                + "action = 'emergency' and reviewed_by is null", reviewer, at, changeId) > 0;
    }

    List<PolicyChangeEntry> unreviewedEmergencies(Instant due) {
        return entries("action = 'emergency' and reviewed_by is null and flagged_at is null and review_due <= ?",
                List.of(due), null);
    }

    void flag(long changeId, Instant at) {
        jdbc.update("update policy_versions set flagged_at = ? where change_group = ? and flagged_at is null", at,
                changeId);
    }

    List<PolicyChangeEntry> changeLog(Scope scope, int max) {
        if (scope.isEmpty()) {
            return List.of();
        }
        String in = Arrays.stream(scope.ids()).mapToObj(Long::toString).collect(Collectors.joining(","));
        // Grants and suspensions republish the policy too, but they are safeguarding actions about named pupils,
        // audited on their own; the change log is for rule changes.
        List<Long> groups = jdbc.query("select distinct change_group from policy_versions where kind = ? and "
                + "action <> 'overlay' and school_id in (" + in + ") order by change_group desc limit "
                + Math.max(1, max),
                rs -> rs.getLong(1), FILTER_POLICY);
        if (groups.isEmpty()) {
            return List.of();
        }
        String ids = groups.stream().map(String::valueOf).collect(Collectors.joining(","));
        return entries("change_group in (" + ids + ")", List.of(), scope).stream()
                .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
    }

    /** Versions matching {@code where}, folded into one entry per change; the diff shown is of a school in scope. */
    private List<PolicyChangeEntry> entries(String where, List<Object> params, Scope scope) {
        List<Row> rows = jdbc.query("select " + COLUMNS + " from policy_versions where kind = ? and change_group in "
                + "(select change_group from policy_versions where " + where + ") order by id",
                JdbcPolicyChanges::row, concat(FILTER_POLICY, params));
        Map<Long, List<Row>> byChange = rows.stream().collect(Collectors.groupingBy(Row::group,
                java.util.LinkedHashMap::new, Collectors.toList()));
        List<PolicyChangeEntry> out = new ArrayList<>();
        byChange.forEach((group, versions) -> out.add(fold(group, versions, scope)));
        return out;
    }

    private static PolicyChangeEntry fold(long group, List<Row> versions, Scope scope) {
        Row first = versions.getFirst();
        Row shown = versions.stream().filter(r -> scope == null || scope.contains(r.school())).findFirst().orElse(first);
        boolean anyLive = versions.stream().anyMatch(r -> r.status().equals("live"));
        return new PolicyChangeEntry(group, first.providerWide(), first.action(), anyLive ? "live" : first.status(),
                first.reason(), shown.diff().isEmpty() ? List.of() : List.of(shown.diff().split("\n")),
                first.requestedBy(), first.requestedAt(), first.decidedBy(), first.decidedAt(), first.reviewDue(),
                first.reviewedBy(), first.reviewedAt(), first.flaggedAt(),
                versions.stream().map(Row::school).toList());
    }

    private record Row(long school, long group, boolean providerWide, String action, String status, String reason,
                       String diff, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                       Instant reviewDue, String reviewedBy, Instant reviewedAt, Instant flaggedAt) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("school_id"), rs.getLong("change_group"), rs.getBoolean("provider_wide"),
                rs.getString("action"), rs.getString("status"), rs.getString("reason"), rs.getString("diff"),
                rs.getString("requested_by"), Jdbc.instant(rs, "requested_at"), rs.getString("decided_by"),
                Jdbc.instant(rs, "decided_at"), Jdbc.instant(rs, "review_due"), rs.getString("reviewed_by"),
                Jdbc.instant(rs, "reviewed_at"), Jdbc.instant(rs, "flagged_at"));
    }

    static void supersede(Connection conn, long school) throws SQLException {
        Jdbc.update(conn, "update policy_versions set status = 'superseded' where school_id = ? and kind = ? "
                + "and status = 'live'", school, FILTER_POLICY);
    }

    /** Bounded to the column; {@link io.vigil.console.policy.PolicyDiff} already bounds the number of lines. */
    private static String diffText(List<String> lines) {
        return Text.bounded(String.join("\n", lines), 20000);
    }

    private static String versionOf(String base) {
        return io.vigil.console.policy.FilterPolicyPublisher.versionOf(base.getBytes(StandardCharsets.UTF_8));
    }

    private static Object[] concat(Object first, List<Object> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray();
    }
}
