package io.vigil.console.store.jdbc;

import io.vigil.console.domain.AlertScreenshot;
import io.vigil.console.domain.ScreenshotRepository;
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
    public synchronized void storeOnce(AlertScreenshot s, Instant receivedAt) {
        String uuid = s.alertUuid().toLowerCase(Locale.ROOT);
        jdbc.transaction(c -> {
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
    public Optional<AlertScreenshot> find(String alertUuid) {
        return jdbc.query("select * from alert_screenshots where alert_uuid = ?",
                rs -> new AlertScreenshot(rs.getString("alert_uuid"), rs.getString("media_type"), rs.getBytes("data"),
                        rs.getInt("width"), rs.getInt("height")),
                alertUuid.toLowerCase(Locale.ROOT)).stream().findFirst();
    }
}
