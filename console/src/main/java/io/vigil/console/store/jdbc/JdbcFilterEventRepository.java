package io.vigil.console.store.jdbc;

import io.vigil.console.domain.FilterEventRecord;
import io.vigil.console.domain.FilterEventRepository;
import io.vigil.console.domain.Text;
import java.time.Instant;
import javax.sql.DataSource;

public final class JdbcFilterEventRepository implements FilterEventRepository {

    private final Jdbc jdbc;

    public JdbcFilterEventRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public synchronized boolean storeOnce(FilterEventRecord e, Instant receivedAt) {
        return jdbc.insertOnce(c -> {
            if (!Jdbc.query(c, "select 1 from filter_events where uuid = ?", rs -> 1, e.uuid()).isEmpty()) {
                return false;
            }
            Jdbc.update(c, """
                    insert into filter_events (uuid, device_id, school_id, sequence, domain, action, category, username, app,
                                               occurred_at, received_at, filter_group, reason)
                    values (?, ?, (select school_id from devices where id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.uuid(), e.deviceId(), e.deviceId(), e.sequence(), Text.bounded(e.domain(), 253), Text.bounded(e.action(), 32),
                    Text.bounded(e.category(), 64), Text.bounded(e.user(), 200), Text.bounded(e.app(), 200),
                    e.occurredAt(), receivedAt, Text.bounded(e.group(), 64), Text.bounded(e.reason(), 500));
            return true;
        });
    }
}
