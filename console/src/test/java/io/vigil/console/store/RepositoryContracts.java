package io.vigil.console.store;

import io.vigil.console.store.contract.AlertRepositoryContract;
import io.vigil.console.store.contract.AuditLogContract;
import io.vigil.console.store.contract.CaseworkRepositoryContract;
import io.vigil.console.store.contract.RetentionContract;
import io.vigil.console.store.contract.DeviceRepositoryContract;
import io.vigil.console.store.contract.FilterEventRepositoryContract;
import io.vigil.console.store.contract.FleetRepositoryContract;
import io.vigil.console.store.contract.IndexOutboxContract;
import io.vigil.console.store.contract.JdbcSessionRepositoryContract;
import io.vigil.console.store.contract.NoticeAcceptanceRepositoryContract;
import io.vigil.console.store.contract.PolicyAndFilteringContract;
import io.vigil.console.store.contract.SchoolRepositoryContract;
import io.vigil.console.store.contract.TamperEventRepositoryContract;
import io.vigil.console.store.contract.TokenRepositoryContract;
import io.vigil.console.store.contract.UrgentOutboxContract;
import io.vigil.console.store.contract.UserRepositoryContract;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;

/**
 * Every repository contract, once: a backend's test class extends this and says where its fresh database per
 * test comes from ({@link #source()}); JUnit runs each nested contract against it.
 */
abstract class RepositoryContracts {

    abstract DataSource source();

    @Nested
    class Alerts implements AlertRepositoryContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class Fleet implements FleetRepositoryContract {
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
    class TamperEvents implements TamperEventRepositoryContract {
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
    class DirectoryRouting implements io.vigil.console.store.contract.DirectoryRoutingContract {
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

    @Nested
    class NoticeAcceptances implements NoticeAcceptanceRepositoryContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class Casework implements CaseworkRepositoryContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class KeywordLists implements io.vigil.console.store.contract.KeywordListContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class PolicyChanges implements io.vigil.console.store.contract.PolicyChangeContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class PolicyAndFiltering implements PolicyAndFilteringContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class Retention implements RetentionContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }

    @Nested
    class Urgent implements UrgentOutboxContract {
        @Override
        public DataSource dataSource() {
            return source();
        }
    }
}
