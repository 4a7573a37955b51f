package io.vigil.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same Flyway scripts build the same schema on H2 and on PostgreSQL: every table and column, its type,
 * length and nullability. A migration that only one dialect understands, or understands differently, fails
 * here before it reaches a school.
 */
class SchemaParityIT {

    private static final String COLUMNS = """
            select table_name, column_name, data_type, character_maximum_length, is_nullable
            from information_schema.columns
            where lower(table_schema) = 'public' and lower(table_name) <> 'flyway_schema_history'
            order by lower(table_name), lower(column_name)""";

    @TempDir
    Path dataDir;

    @Test
    void migrationsBuildTheSameSchemaOnH2AndOnPostgresql() throws Exception {
        PostgresServer server = PostgresServer.shared();
        DatabaseConfig.Postgres empty = server.createEmptyDatabase();
        List<String> h2;
        try (Database db = Database.open(dataDir)) {
            h2 = columns(db);
        }
        List<String> postgres;
        try (Database db = Database.open(empty, dataDir)) {
            postgres = columns(db);
        }
        try (Database again = Database.open(empty, dataDir)) {
            assertEquals(postgres, columns(again), "opening a migrated database again changes nothing");
        } finally {
            server.dropDatabase(empty);
        }
        assertFalse(h2.isEmpty());
        assertEquals(String.join("\n", h2), String.join("\n", postgres));
    }

    private static List<String> columns(Database db) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(COLUMNS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Object length = rs.getObject(4);
                rows.add(String.join(" ", rs.getString(1), rs.getString(2),
                        rs.getString(3).toLowerCase(Locale.ROOT), String.valueOf(length), rs.getString(5))
                        .toLowerCase(Locale.ROOT));
            }
        }
        return rows;
    }
}
