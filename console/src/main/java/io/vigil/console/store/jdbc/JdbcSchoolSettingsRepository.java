package io.vigil.console.store.jdbc;

import io.vigil.console.domain.SchoolSettings;
import io.vigil.console.domain.SchoolSettingsRepository;
import java.time.Instant;
import javax.sql.DataSource;

public final class JdbcSchoolSettingsRepository implements SchoolSettingsRepository {

    private final Jdbc jdbc;

    public JdbcSchoolSettingsRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public SchoolSettings of(long schoolId) {
        return jdbc.query("select * from school_settings where school_id = ?", rs -> new SchoolSettings(
                rs.getInt("screenshot_days"), rs.getInt("closed_alert_days"), rs.getInt("repeat_window_minutes")),
                schoolId).stream().findFirst().orElse(SchoolSettings.DEFAULTS);
    }

    @Override
    public void save(long schoolId, SchoolSettings s, String by, Instant at) {
        jdbc.transaction(c -> {
            int updated = Jdbc.update(c, """
                    update school_settings set screenshot_days = ?, closed_alert_days = ?, repeat_window_minutes = ?,
                    updated_by = ?, updated_at = ? where school_id = ?""", s.screenshotDays(), s.closedAlertDays(),
                    s.repeatWindowMinutes(), by, at, schoolId);
            if (updated == 0) {
                Jdbc.update(c, """
                        insert into school_settings (school_id, screenshot_days, closed_alert_days,
                        repeat_window_minutes, updated_by, updated_at) values (?, ?, ?, ?, ?, ?)""", schoolId,
                        s.screenshotDays(), s.closedAlertDays(), s.repeatWindowMinutes(), by, at);
            }
            return null;
        });
    }
}
