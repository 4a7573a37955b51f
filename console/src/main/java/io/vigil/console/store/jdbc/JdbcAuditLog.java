package io.vigil.console.store.jdbc;

import io.vigil.console.audit.AuditEntry;
import io.vigil.console.audit.AuditLog;
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
    public void record(String actor, String action, String detail) {
        jdbc.update("insert into audit_log (at, actor, action, detail) values (?, ?, ?, ?)",
                clock.instant(), actor, action, detail);
    }

    @Override
    public List<AuditEntry> latest(int max) {
        return jdbc.query("select at, actor, action, detail from audit_log order by id desc limit ?",
                rs -> new AuditEntry(Jdbc.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("detail")), max);
    }
}
