package io.vigil.console.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V17 drops the four foreign keys whose indexes every alert wrote on embedded H2, from a console that already
 * holds alerts, and leaves every other constraint, every record and PostgreSQL's keys as they were.
 */
class ForeignKeysOnH2IT {

    private static final String FOREIGN_KEYS = """
            select k.table_name || '.' || k.column_name from information_schema.table_constraints tc
              join information_schema.key_column_usage k
                on k.constraint_schema = tc.constraint_schema and k.constraint_name = tc.constraint_name
             where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'
               and tc.table_name in ('alerts', 'index_outbox', 'alert_notes')
             order by 1""";

    /** Each H2 index on a table as its column list, e.g. {@code device_id,sequence}. */
    private static final String INDEXES = """
            select listagg(column_name, ',') within group (order by ordinal_position)
              from information_schema.index_columns
             where table_schema = 'public' and table_name = ? group by index_name order by 1""";

    @TempDir
    Path dataDir;

    @Test
    void aConsoleWithAlertsKeepsThemAndLosesOnlyTheFourKeysAndTheIndexesNothingElseRead() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve(Database.H2_NAME).toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "vigil", DatabasePassword.loadOrCreate(dataDir));
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("16").load().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("insert into schools (name, created_at) values ('Oak Primary', current_timestamp)");
                s.execute("""
                        insert into devices (id, school_id, hostname, os_name, os_version, hardware_id,
                                             agent_version, credential_hash, enrolled_at)
                        select 'dev-1', id, 'OAK-01', 'Linux', '6', '', '1', 'x', current_timestamp
                          from schools""");
                s.execute("""
                        insert into alerts (uuid, device_id, school_id, sequence, category, severity, score, rule_ids,
                                            snippet, app, window_title, url, username, occurred_at, received_at,
                                            source, list_version)
                        select '00000000-0000-0000-0000-000000000001', 'dev-1', id, 1, 'self_harm', 5, 10, '', 'a',
                               '', '', '', 'p', current_timestamp, current_timestamp, 'keyboard', 'v' from schools""");
                s.execute("insert into console_nodes (id, registered_at, last_seen_at)"
                        + " values ('node-a', current_timestamp, current_timestamp)");
                s.execute("insert into index_outbox (node_id, alert_id) select 'node-a', id from alerts");
            }
            assertEquals(List.of("alert_notes.alert_id", "alerts.device_id", "alerts.school_id",
                    "index_outbox.alert_id", "index_outbox.node_id"), new Jdbc(pool).query(FOREIGN_KEYS,
                    rs -> rs.getString(1)), "version 16, as consoles run it today");
            assertTrue(indexes(pool, "alerts").contains("device_id"));
            assertTrue(indexes(pool, "index_outbox").contains("alert_id"));
        } finally {
            pool.dispose();
        }

        try (Database db = Database.open(dataDir)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            assertEquals(List.of("alert_notes.alert_id"),
                    jdbc.query(FOREIGN_KEYS, rs -> rs.getString(1)));
            List<String> alertIndexes = indexes(db.dataSource(), "alerts");
            assertFalse(alertIndexes.contains("device_id"), "the device key's own index went with it");
            assertFalse(alertIndexes.contains("school_id"));
            assertTrue(alertIndexes.contains("device_id,sequence"), "the indexes queries read stay");
            assertTrue(alertIndexes.contains("school_id,status,severity,occurred_at,id"));
            assertEquals(List.of("node_id,alert_id"), indexes(db.dataSource(), "index_outbox"),
                    "only the primary key");
            assertEquals(List.of("a"), jdbc.query("select snippet from alerts", rs -> rs.getString(1)));
            assertEquals(1, new JdbcIndexOutbox(db.dataSource(), java.time.Clock.systemUTC()).pendingCount("node-a"));
        }
    }

    @Test
    void postgresqlKeepsItsForeignKeys() {
        PostgresServer server = PostgresServer.shared();
        DatabaseConfig.Postgres empty = server.createEmptyDatabase();
        try (Database db = Database.open(empty, dataDir)) {
            List<String> keys = new Jdbc(db.dataSource()).query(FOREIGN_KEYS, rs -> rs.getString(1));
            assertEquals(List.of("alert_notes.alert_id", "alerts.device_id", "alerts.school_id",
                    "index_outbox.alert_id", "index_outbox.node_id"), keys, "they cost PostgreSQL no index");
        } finally {
            server.dropDatabase(empty);
        }
    }

    private static List<String> indexes(DataSource dataSource, String table) {
        return new Jdbc(dataSource).query(INDEXES, rs -> rs.getString(1), table);
    }
}
