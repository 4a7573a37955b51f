package io.vigil.console.store.jdbc;

import io.vigil.console.domain.AlertScreenshot;
import io.vigil.console.domain.ScreenshotRepository;
import io.vigil.console.domain.Scope;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcScreenshotRepository implements ScreenshotRepository {

    private final Jdbc jdbc;

    public JdbcScreenshotRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void storeOnce(AlertScreenshot s, Instant receivedAt) {
        String uuid = s.alertUuid().toLowerCase(Locale.ROOT);
        // No lock: a resend racing on another connection loses on the unique key and reports "already stored".
        jdbc.insertOnce(c -> {
            if (!Jdbc.query(c, "select 1 from alert_screenshots where alert_uuid = ?", rs -> 1, uuid).isEmpty()) {
                return false;
            }
            Jdbc.update(c, """
                    insert into alert_screenshots (alert_uuid, media_type, width, height, data, received_at)
                    values (?, ?, ?, ?, ?, ?)""", uuid, s.mediaType(), s.width(), s.height(), s.data(), receivedAt);
            return true;
        });
    }

    @Override
    public Optional<AlertScreenshot> find(String alertUuid, Scope scope) {
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        long[] schools = scope.ids();
        Object[] params = new Object[schools.length + 1];
        params[0] = alertUuid.toLowerCase(Locale.ROOT);
        for (int i = 0; i < schools.length; i++) {
            params[i + 1] = schools[i];
        }
        return jdbc.query("select s.* from alert_screenshots s join alerts a on a.uuid = s.alert_uuid"
                        + " where s.alert_uuid = ? and a.school_id in ("
                        + String.join(",", java.util.Collections.nCopies(schools.length, "?")) + ")",
                rs -> new AlertScreenshot(rs.getString("alert_uuid"), rs.getString("media_type"), rs.getBytes("data"),
                        rs.getInt("width"), rs.getInt("height")),
                params).stream().findFirst();
    }
}
