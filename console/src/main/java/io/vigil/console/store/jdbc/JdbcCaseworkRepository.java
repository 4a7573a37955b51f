package io.vigil.console.store.jdbc;

import io.vigil.console.domain.Agency;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.CaseChange;
import io.vigil.console.domain.CaseRecord;
import io.vigil.console.domain.CaseworkRepository;
import io.vigil.console.domain.NewIncident;
import io.vigil.console.domain.Outcome;
import io.vigil.console.domain.RulePrecision;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.StoredAlert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

public final class JdbcCaseworkRepository implements CaseworkRepository {

    private final Jdbc jdbc;

    public JdbcCaseworkRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<StoredAlert> alert(String uuid, Scope scope) {
        if (scope.seesNoAlerts()) {
            return Optional.empty();
        }
        List<Object> params = new java.util.ArrayList<>(List.of(params(uuid.toLowerCase(Locale.ROOT), scope)));
        String routed = RoutingSql.and(scope, params);
        return jdbc.query(JdbcAlertRepository.SELECT + " where a.uuid = ? and a.school_id in (" + marks(scope) + ")"
                + routed, JdbcAlertRepository::map, params.toArray()).stream().findFirst();
    }

    @Override
    public Optional<CaseRecord> caseOf(String uuid, Scope scope) {
        if (scope.seesNoAlerts()) {
            return Optional.empty();
        }
        List<Object> params = new java.util.ArrayList<>(List.of(params(uuid.toLowerCase(Locale.ROOT), scope)));
        String routed = RoutingSql.and(scope, params);
        return jdbc.transaction(c -> {
            var rows = Jdbc.query(c, "select * from alerts a where a.uuid = ? and a.school_id in (" + marks(scope)
                    + ")" + routed, rs -> new Object[] {rs.getLong("id"), rs.getString("status"), rs.getString("assignee"),
                    rs.getString("acknowledged_by"), Jdbc.instant(rs, "acknowledged_at"), rs.getString("outcome"),
                    rs.getString("cpoms_reference"), rs.getString("parents_not_informed"),
                    rs.getBoolean("legal_hold")}, params.toArray());
            if (rows.isEmpty()) {
                return Optional.<CaseRecord>empty();
            }
            Object[] r = rows.getFirst();
            long id = (Long) r[0];
            var notes = Jdbc.query(c, "select at, author, body from alert_notes where alert_id = ? order by id",
                    rs -> new CaseRecord.Note(Jdbc.instant(rs, "at"), rs.getString("author"), rs.getString("body")), id);
            var referrals = Jdbc.query(c, "select * from alert_referrals where alert_id = ? order by id",
                    rs -> new CaseRecord.Referral(Agency.fromId(rs.getString("agency")),
                            rs.getObject("referred_on", LocalDate.class), rs.getString("reference"),
                            rs.getString("recorded_by"), Jdbc.instant(rs, "recorded_at")), id);
            var history = Jdbc.query(c, "select at, actor, change, detail from alert_history where alert_id = ? order by id",
                    rs -> new CaseRecord.Event(Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("change"),
                            rs.getString("detail")), id);
            Optional<CaseRecord.Acknowledgement> ack = r[3] == null ? Optional.empty()
                    : Optional.of(new CaseRecord.Acknowledgement((String) r[3], (Instant) r[4]));
            return Optional.of(new CaseRecord(uuid.toLowerCase(Locale.ROOT), AlertStatus.fromId((String) r[1]),
                    Optional.ofNullable((String) r[2]), ack, Optional.ofNullable((String) r[5]).map(Outcome::fromId),
                    Optional.ofNullable((String) r[6]), Optional.ofNullable((String) r[7]), (Boolean) r[8], notes,
                    referrals, history));
        });
    }

    @Override
    public boolean apply(String uuid, Scope scope, CaseChange change, String actor, Instant at) {
        if (scope.seesNoAlerts()) {
            return false;
        }
        List<Object> params = new java.util.ArrayList<>(List.of(params(uuid.toLowerCase(Locale.ROOT), scope)));
        String routed = RoutingSql.and(scope, params);
        return jdbc.transaction(c -> {
            // Routing first (a plain read), then "for update" on the row alone: two DSLs acting on one case at once
            // are applied one after the other. (PostgreSQL refuses "for update" beside the routing subqueries.)
            if (Jdbc.query(c, "select a.id from alerts a where a.uuid = ? and a.school_id in (" + marks(scope) + ")"
                    + routed, rs -> rs.getLong(1), params.toArray()).isEmpty()) {
                return false;
            }
            List<Long> ids = Jdbc.query(c, "select id from alerts where uuid = ? and school_id in (" + marks(scope)
                    + ") for update", rs -> rs.getLong(1), params(uuid.toLowerCase(Locale.ROOT), scope));
            if (ids.isEmpty()) {
                return false;
            }
            long id = ids.getFirst();
            write(c, id, change, actor, at);
            Jdbc.update(c, "insert into alert_history (alert_id, at, actor, change, detail) values (?, ?, ?, ?, ?)",
                    id, at, actor, change.kind(), change.describe());
            // Status and assignee are in the search index: every node re-indexes the alert from its outbox. An entry
            // a node may already be indexing is marked requeued, so its "done" keeps it for another pass.
            Jdbc.update(c, "update index_outbox set requeued = true where alert_id = ?", id);
            Jdbc.update(c, """
                    insert into index_outbox (node_id, alert_id) select n.id, ? from console_nodes n
                    where not exists (select 1 from index_outbox o where o.node_id = n.id and o.alert_id = ?)""",
                    id, id);
            return true;
        });
    }

    private static void write(Connection c, long id, CaseChange change, String actor, Instant at)
            throws SQLException {
        switch (change) {
            case CaseChange.Acknowledge a -> Jdbc.update(c, """
                    update alerts set acknowledged_by = ?, acknowledged_at = ?,
                    status = case when status = 'new' then 'in_review' else status end where id = ?""", actor, at, id);
            case CaseChange.Assign a -> Jdbc.update(c, "update alerts set assignee = ? where id = ?", a.assignee(), id);
            case CaseChange.MoveTo m -> Jdbc.update(c, "update alerts set status = ?, outcome = null where id = ?",
                    m.status().id(), id);
            case CaseChange.Close cl -> Jdbc.update(c, "update alerts set status = 'closed', outcome = ? where id = ?",
                    cl.outcome().id(), id);
            case CaseChange.AddNote n -> Jdbc.update(c,
                    "insert into alert_notes (alert_id, at, author, body) values (?, ?, ?, ?)", id, at, actor, n.text());
            case CaseChange.RecordCpoms r -> Jdbc.update(c, "update alerts set cpoms_reference = ? where id = ?",
                    r.reference(), id);
            case CaseChange.AddReferral r -> Jdbc.update(c, """
                    insert into alert_referrals (alert_id, agency, referred_on, reference, recorded_by, recorded_at)
                    values (?, ?, ?, ?, ?, ?)""", id, r.agency().id(), r.on(), r.reference(), actor, at);
            case CaseChange.ParentsNotInformed p -> Jdbc.update(c,
                    "update alerts set parents_not_informed = ? where id = ?", p.reason(), id);
            case CaseChange.LegalHold h -> Jdbc.update(c, "update alerts set legal_hold = ? where id = ?", h.on(), id);
        }
    }

    @Override
    public String logIncident(NewIncident i, String uuid, String actor, Instant at) {
        String id = uuid.toLowerCase(Locale.ROOT);
        jdbc.transaction(c -> {
            long row = Jdbc.insertReturningId(c, """
                    insert into alerts (uuid, device_id, school_id, sequence, category, severity, score, rule_ids,
                                        snippet, app, window_title, url, username, occurred_at, received_at, source,
                                        list_version, language)
                    values (?, null, ?, 0, ?, ?, 0, '', ?, '', '', '', ?, ?, ?, ?, '', '')""",
                    id, i.schoolId(), i.category(), i.severity(), i.summary(), i.pupil(), i.occurredAt(), at,
                    i.route().source());
            Jdbc.update(c, "insert into alert_history (alert_id, at, actor, change, detail) values (?, ?, ?, ?, ?)",
                    row, at, actor, "logged", "logged by hand: " + i.route().label());
            Jdbc.update(c, "insert into index_outbox (node_id, alert_id) select id, ? from console_nodes", row);
            return row;
        });
        return id;
    }

    @Override
    public String schoolName(long schoolId) {
        return jdbc.query("select name from schools where id = ?", rs -> rs.getString(1), schoolId).stream()
                .findFirst().orElse("");
    }

    @Override
    public List<StoredAlert> earlierAlertsOfUser(StoredAlert alert, Scope scope, int max) {
        if (scope.seesNoAlerts()) {
            return List.of();
        }
        List<Object> params = new java.util.ArrayList<>(List.of(alert.schoolId(), alert.user(), alert.occurredAt(),
                alert.rowId()));
        // The same login on another device may route elsewhere (a staff login off a pupil's device).
        String routed = RoutingSql.and(scope, params);
        params.add(max);
        return jdbc.query(JdbcAlertRepository.SELECT
                + " where a.school_id = ? and a.username = ? and a.occurred_at <= ? and a.id <> ?" + routed
                + " order by a.occurred_at desc, a.id desc fetch first ? rows only", JdbcAlertRepository::map,
                params.toArray());
    }

    @Override
    public List<RulePrecision> rulePrecision(Scope scope) {
        // Counts per rule only, never about a person, and read by list owners who receive no alerts: not routed.
        if (scope.isEmpty()) {
            return List.of();
        }
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.query("select rule_ids, outcome from alerts where status = 'closed' and school_id in (" + marks(scope)
                + ")", rs -> {
                    boolean falsePositive = Outcome.FALSE_POSITIVE.id().equals(rs.getString("outcome"));
                    String rules = rs.getString("rule_ids");
                    for (String rule : rules.isEmpty() ? new String[0] : rules.split(" ")) {
                        long[] c = counts.computeIfAbsent(rule, k -> new long[2]);
                        c[0]++;
                        c[1] += falsePositive ? 1 : 0;
                    }
                    return null;
                }, (Object[]) boxed(scope));
        return counts.entrySet().stream().map(e -> new RulePrecision(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    private static String marks(Scope scope) {
        return String.join(",", Collections.nCopies(scope.ids().length, "?"));
    }

    private static Object[] params(Object first, Scope scope) {
        Object[] all = new Object[scope.ids().length + 1];
        all[0] = first;
        System.arraycopy(boxed(scope), 0, all, 1, scope.ids().length);
        return all;
    }

    private static Long[] boxed(Scope scope) {
        return java.util.Arrays.stream(scope.ids()).boxed().toArray(Long[]::new);
    }
}
