package io.vigil.console.bench;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertTextIndex;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * The alternative to Lucene that the benchmark compares against: PostgreSQL's own full-text search, a stored
 * tsvector column with a GIN index, queried with the same filters, order and paging.
 */
final class PostgresFullText implements AlertTextIndex {

    private final DataSource source;

    PostgresFullText(DataSource source) {
        this.source = source;
    }

    void build() throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    alter table alerts add column tsv tsvector generated always as
                      (to_tsvector('english', snippet || ' ' || window_title || ' ' || username || ' ' || category))
                      stored""");
            s.execute("create index alerts_tsv on alerts using gin (tsv)");
            s.execute("analyze alerts");
        }
    }

    @Override
    public Hits search(AlertQuery query) {
        StringBuilder where = new StringBuilder(" where a.tsv @@ plainto_tsquery('english', ?)");
        List<Object> params = new ArrayList<>();
        params.add(query.text().orElse(""));
        long[] schools = query.scope().ids();
        where.append(" and a.school_id in (").append(String.join(",", Collections.nCopies(schools.length, "?")))
                .append(")");
        for (long id : schools) {
            params.add(id);
        }
        query.status().ifPresent(s -> {
            where.append(" and a.status = ?");
            params.add(s.id());
        });
        query.minSeverity().ifPresent(s -> {
            where.append(" and a.severity >= ?");
            params.add(s);
        });
        try (Connection c = source.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from alerts a" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select a.id from alerts a" + where
                    + " order by a.severity desc, a.occurred_at desc, a.id desc offset ? limit ?")) {
                List<Object> page = new ArrayList<>(params);
                page.add(query.offset());
                page.add(query.limit());
                bind(ps, page);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return new Hits(total, ids);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    @Override
    public long notYetSearchable() {
        return 0;
    }
}
