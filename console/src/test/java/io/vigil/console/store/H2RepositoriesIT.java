package io.vigil.console.store;

import io.vigil.console.store.jdbc.Database;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The repository contracts on the embedded H2 database: real files in a fresh data directory per test. */
class H2RepositoriesIT extends RepositoryContracts {

    @TempDir
    Path dataDir;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(dataDir);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Override
    DataSource source() {
        return database.dataSource();
    }
}
