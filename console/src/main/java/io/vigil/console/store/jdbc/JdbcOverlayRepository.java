package io.vigil.console.store.jdbc;

import io.vigil.console.domain.Scope;
import io.vigil.console.policy.FilterOverlay;
import io.vigil.console.policy.OverlayRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

public final class JdbcOverlayRepository implements OverlayRepository {

    private final Jdbc jdbc;

    public JdbcOverlayRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(FilterOverlay o) {
        jdbc.update("""
                insert into filter_overlays (school_id, kind, username, category, valid_until, reason, granted_by,
                                             granted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", o.schoolId(), o.kind().id(), o.username(), o.category(),
                o.validUntil(), o.reason(), o.grantedBy(), o.grantedAt());
    }

    @Override
    public List<FilterOverlay> active(long schoolId, Instant now) {
        return jdbc.query("select * from filter_overlays where school_id = ? and valid_until > ? order by id",
                JdbcOverlayRepository::overlay, schoolId, now);
    }

    @Override
    public List<FilterOverlay> active(Scope scope, Instant now) {
        if (scope.isEmpty()) {
            return List.of();
        }
        Object[] params = new Object[scope.ids().length + 1];
        params[0] = now;
        long[] ids = scope.ids();
        for (int i = 0; i < ids.length; i++) {
            params[i + 1] = ids[i];
        }
        return jdbc.query("select * from filter_overlays where valid_until > ? and school_id in ("
                + String.join(",", Collections.nCopies(ids.length, "?")) + ") order by id desc",
                JdbcOverlayRepository::overlay, params);
    }

    private static FilterOverlay overlay(ResultSet rs) throws SQLException {
        return new FilterOverlay(rs.getLong("school_id"), FilterOverlay.Kind.fromId(rs.getString("kind")),
                rs.getString("username"), rs.getString("category"), Jdbc.instant(rs, "valid_until"),
                rs.getString("reason"), rs.getString("granted_by"), Jdbc.instant(rs, "granted_at"));
    }
}
