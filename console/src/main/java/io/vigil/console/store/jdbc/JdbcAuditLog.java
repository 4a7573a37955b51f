package io.vigil.console.store.jdbc;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditEntry;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.audit.AuditQuery;
import io.vigil.console.domain.Text;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

public final class JdbcAuditLog implements AuditLog {

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcAuditLog(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    @Override
    public void record(String actor, AuditAction action, String detail) {
        // The actor of a failed sign-in is whatever was typed as the username: cut to the column, never refused.
        jdbc.update("insert into audit_log (at, actor, action, detail) values (?, ?, ?, ?)",
                clock.instant(), Text.bounded(actor, 100), action.id(), Text.bounded(detail, 100_000));
    }

    @Override
    public List<AuditEntry> search(AuditQuery query) {
        if (query.schoolIds().isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(query.schoolIds().size(), "?"));
        StringBuilder sql = new StringBuilder("select at, actor, action, detail from audit_log where actor in"
                + " (select u.username from users u where u.school_id in (" + marks + ") or u.trust_id in"
                + " (select s.trust_id from schools s where s.id in (" + marks + ")))");
        List<Object> params = new java.util.ArrayList<>(query.schoolIds());
        params.addAll(query.schoolIds());
        query.actor().ifPresent(a -> {
            sql.append(" and actor = ?");
            params.add(a);
        });
        query.action().ifPresent(a -> {
            sql.append(" and action = ?");
            params.add(a);
        });
        query.alert().ifPresent(a -> {
            // Escaped so an id can only ever match itself, never act as a LIKE pattern.
            sql.append(" and detail like ? escape '!'");
            params.add("%" + a.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        });
        query.from().ifPresent(f -> {
            sql.append(" and at >= ?");
            params.add(f);
        });
        query.to().ifPresent(t -> {
            sql.append(" and at < ?");
            params.add(t);
        });
        sql.append(" order by id desc limit ?");
        params.add(query.limit());
        return jdbc.query(sql.toString(), rs -> new AuditEntry(Jdbc.instant(rs, "at"), rs.getString("actor"),
                rs.getString("action"), rs.getString("detail")), params.toArray());
    }

    @Override
    public List<AuditEntry> latest(int max) {
        return jdbc.query("select at, actor, action, detail from audit_log order by id desc limit ?",
                rs -> new AuditEntry(Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("detail")), max);
    }
}
