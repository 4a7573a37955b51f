package io.vigil.console.store;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.store.contract.AlertRepositoryContract;
import io.vigil.console.store.contract.AuditLogContract;
import io.vigil.console.store.contract.DeviceRepositoryContract;
import io.vigil.console.store.contract.FilterEventRepositoryContract;
import io.vigil.console.store.contract.IndexOutboxContract;
import io.vigil.console.store.contract.JdbcSessionRepositoryContract;
import io.vigil.console.store.contract.SchoolRepositoryContract;
import io.vigil.console.store.contract.TokenRepositoryContract;
import io.vigil.console.store.contract.UserRepositoryContract;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.testing.PostgresServer;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository contracts on a real PostgreSQL server (started by the test run itself): a fresh database,
 * cloned from the migrated template, per test.
 */
class PostgresRepositoriesIT {

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

    DataSource source() {
        return database.dataSource();
    }

    @Nested
    class Alerts implements AlertRepositoryContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class Devices implements DeviceRepositoryContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class Tokens implements TokenRepositoryContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class Sessions implements JdbcSessionRepositoryContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class Users implements UserRepositoryContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class Audit implements AuditLogContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class Schools implements SchoolRepositoryContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class Outbox implements IndexOutboxContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class FilterEvents implements FilterEventRepositoryContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }
}
