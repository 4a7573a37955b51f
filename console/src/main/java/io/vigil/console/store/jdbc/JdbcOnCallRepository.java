package io.vigil.console.store.jdbc;

import io.vigil.console.notify.OnCallPerson;
import io.vigil.console.notify.OnCallRepository;
import io.vigil.console.notify.UrgentSettings;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

public final class JdbcOnCallRepository implements OnCallRepository {

    private final Jdbc jdbc;

    public JdbcOnCallRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<OnCallPerson> onCall(long schoolId) {
        return jdbc.query("select username, email from oncall where school_id = ? order by position",
                rs -> new OnCallPerson(rs.getString(1), rs.getString(2)), schoolId);
    }

    @Override
    public void setOnCall(long schoolId, List<OnCallPerson> people) {
        jdbc.transaction(c -> {
            Jdbc.update(c, "delete from oncall where school_id = ?", schoolId);
            for (int i = 0; i < people.size(); i++) {
                Jdbc.update(c, "insert into oncall (school_id, position, username, email) values (?, ?, ?, ?)",
                        schoolId, i, people.get(i).username(), people.get(i).email());
            }
            return null;
        });
    }

    @Override
    public UrgentSettings settings(long schoolId) {
        return jdbc.query("select min_severity, escalate_after_minutes from urgent_settings where school_id = ?",
                rs -> new UrgentSettings(rs.getInt(1), rs.getInt(2)), schoolId).stream().findFirst()
                .orElse(UrgentSettings.DEFAULTS);
    }

    @Override
    public void saveSettings(long schoolId, UrgentSettings s, String by, Instant at) {
        jdbc.transaction(c -> {
            int updated = Jdbc.update(c, """
                    update urgent_settings set min_severity = ?, escalate_after_minutes = ?, updated_by = ?,
                    updated_at = ? where school_id = ?""", s.minSeverity(), s.escalateAfterMinutes(), by, at, schoolId);
            if (updated == 0) {
                Jdbc.update(c, """
                        insert into urgent_settings (school_id, min_severity, escalate_after_minutes, updated_by,
                        updated_at) values (?, ?, ?, ?, ?)""", schoolId, s.minSeverity(), s.escalateAfterMinutes(),
                        by, at);
            }
            return null;
        });
    }
}
