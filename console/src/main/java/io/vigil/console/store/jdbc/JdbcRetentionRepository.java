package io.vigil.console.store.jdbc;

import io.vigil.console.domain.RetentionRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

public final class JdbcRetentionRepository implements RetentionRepository {

    /** Deletes run in batches of this many rows, so one purge never holds a huge transaction. */
    private static final int BATCH = 500;

    private final Jdbc jdbc;

    public JdbcRetentionRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<String> purgeScreenshots(long schoolId, Instant before) {
        List<String> removed = new ArrayList<>();
        List<String> batch;
        do {
            batch = jdbc.transaction(c -> {
                List<String> uuids = Jdbc.query(c, """
                        select s.alert_uuid from alert_screenshots s join alerts a on a.uuid = s.alert_uuid
                        where a.school_id = ? and a.legal_hold = false and s.received_at < ?
                        order by s.alert_uuid fetch first ? rows only""", rs -> rs.getString(1), schoolId, before,
                        BATCH);
                if (!uuids.isEmpty()) {
                    Jdbc.update(c, "delete from alert_screenshots where alert_uuid in (" + marks(uuids.size()) + ")",
                            uuids.toArray());
                }
                return uuids;
            });
            removed.addAll(batch);
        } while (batch.size() == BATCH);
        return removed;
    }

    @Override
    public List<String> purgeClosedAlerts(long schoolId, Instant before) {
        List<String> removed = new ArrayList<>();
        List<String> batch;
        do {
            batch = jdbc.transaction(c -> {
                record Row(long id, String uuid) {
                }
                List<Row> rows = Jdbc.query(c, """
                        select id, uuid from alerts where school_id = ? and status = 'closed' and legal_hold = false
                        and occurred_at < ? order by id fetch first ? rows only for update""",
                        rs -> new Row(rs.getLong(1), rs.getString(2)), schoolId, before, BATCH);
                if (!rows.isEmpty()) {
                    Object[] ids = rows.stream().map(Row::id).toArray();
                    String in = " in (" + marks(ids.length) + ")";
                    // The outbox has no cascade (an alert waiting to be indexed must not vanish by accident).
                    Jdbc.update(c, "delete from index_outbox where alert_id" + in, ids);
                    // Notes, referrals, history and the screenshot go with the alert (on delete cascade).
                    Jdbc.update(c, "delete from alerts where id" + in, ids);
                }
                return rows.stream().map(Row::uuid).toList();
            });
            removed.addAll(batch);
        } while (batch.size() == BATCH);
        return removed;
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
