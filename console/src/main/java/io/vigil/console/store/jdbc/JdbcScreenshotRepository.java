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
        if (scope.seesNoAlerts()) {
            return Optional.empty();
        }
        long[] schools = scope.ids();
        java.util.List<Object> params = new java.util.ArrayList<>();
        params.add(alertUuid.toLowerCase(Locale.ROOT));
        for (long school : schools) {
            params.add(school);
        }
        String routed = RoutingSql.and(scope, params);
        return jdbc.query("select s.* from alert_screenshots s join alerts a on a.uuid = s.alert_uuid"
                        + " where s.alert_uuid = ? and a.school_id in ("
                        + String.join(",", java.util.Collections.nCopies(schools.length, "?")) + ")" + routed,
                rs -> new AlertScreenshot(rs.getString("alert_uuid"), rs.getString("media_type"), rs.getBytes("data"),
                        rs.getInt("width"), rs.getInt("height")),
                params.toArray()).stream().findFirst();
    }
}
