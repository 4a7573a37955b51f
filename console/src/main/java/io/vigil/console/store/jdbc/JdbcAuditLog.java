package io.vigil.console.store.jdbc;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditEntry;
import io.vigil.console.audit.AuditLog;
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
    public List<AuditEntry> latest(int max) {
        return jdbc.query("select at, actor, action, detail from audit_log order by id desc limit ?",
                rs -> new AuditEntry(Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("detail")), max);
    }
}
