package io.vigil.console.store.jdbc;

import io.vigil.console.domain.NoticeAcceptance;
import io.vigil.console.domain.NoticeAcceptanceRepository;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.StoredNoticeAcceptance;
import io.vigil.console.domain.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** Stored once per uuid, as alerts and filter events are: a resend, or a race on a second stream, stores nothing. */
public final class JdbcNoticeAcceptanceRepository implements NoticeAcceptanceRepository {

    private final Jdbc jdbc;

    public JdbcNoticeAcceptanceRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean storeOnce(NoticeAcceptance a, Instant receivedAt) {
        String uuid = a.uuid().toLowerCase(Locale.ROOT);
        return jdbc.insertOnce(c -> {
            if (!Jdbc.query(c, "select 1 from notice_acceptances where uuid = ?", rs -> 1, uuid).isEmpty()) {
                return false;
            }
            Jdbc.update(c, """
                    insert into notice_acceptances (uuid, device_id, school_id, sequence, username, notice_version,
                                                    user_group, accepted_at, received_at)
                    values (?, ?, (select school_id from devices where id = ?), ?, ?, ?, ?, ?, ?)""",
                    uuid, a.deviceId(), a.deviceId(), a.sequence(), Text.bounded(a.user(), 200),
                    Text.bounded(a.noticeVersion(), 100), Text.bounded(a.group(), 64), a.acceptedAt(), receivedAt);
            return true;
        });
    }

    @Override
    public List<StoredNoticeAcceptance> inScope(Scope scope, Optional<String> user, int limit) {
        if (scope.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        for (long id : scope.ids()) {
            params.add(id);
        }
        user.ifPresent(params::add);
        params.add(limit);
        return jdbc.query("""
                select n.username, n.notice_version, n.user_group, n.accepted_at, n.device_id, d.hostname, n.school_id,
                       n.received_at
                from notice_acceptances n join devices d on d.id = n.device_id
                where n.school_id in (%s)%s
                order by n.accepted_at desc, n.id desc
                limit ?""".formatted(String.join(",", Collections.nCopies(scope.ids().length, "?")),
                        user.isPresent() ? " and n.username = ?" : ""),
                rs -> new StoredNoticeAcceptance(rs.getString("username"), rs.getString("notice_version"),
                        rs.getString("user_group"), Jdbc.instant(rs, "accepted_at"), rs.getString("device_id"),
                        rs.getString("hostname"), rs.getLong("school_id"), Jdbc.instant(rs, "received_at")),
                params.toArray());
    }
}
