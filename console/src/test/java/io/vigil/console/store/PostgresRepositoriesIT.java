package io.vigil.console.store;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.testing.PostgresServer;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository contracts on a real PostgreSQL server (started by the test run itself): a fresh database,
 * cloned from the migrated template, per test.
 */
class PostgresRepositoriesIT extends RepositoryContracts {

    @TempDir
    Path dataDir;

    private PostgresServer server;
    private DatabaseConfig.Postgres config;
    private Database database;

    @BeforeEach
    void open() {
        server = PostgresServer.shared();
        config = server.createDatabase();
        database = Database.open(config, dataDir);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
            server.dropDatabase(config);
        }
    }

    @Override
    DataSource source() {
        return database.dataSource();
    }
}
