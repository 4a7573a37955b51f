package io.vigil.console;

import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.PasswordHasher;
import io.vigil.console.auth.UserAdmin;
import io.vigil.console.cli.ConsoleOperations;
import io.vigil.console.backup.BackupArchive;
import io.vigil.console.config.DataDirectory;
import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.config.PortCheck;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Enrolment;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcAuditLog;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcTokenRepository;
import io.vigil.console.store.jdbc.JdbcUserRepository;
import io.vigil.console.tls.CertificateStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** The composition root: turns command-line operations into wired objects over one data directory. */
final class ConsoleWiring implements ConsoleOperations {

    /** Who the audit log names for changes made at the command line (there is no signed-in user). */
    static final String CLI_ACTOR = "cli";

    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    @Override
    public RunningConsole serve(ServeOptions options) {
        // Check everything that can be checked before writing a single file.
        PortCheck.requireFree(options.bind(), options.httpPort(), "HTTPS console", "--http-port");
        PortCheck.requireFree(options.bind(), options.grpcPort(), "agent gRPC", "--grpc-port");
        Path dataDir = DataDirectory.prepare(options.dataDir());
        return StartedConsole.start(options.withDataDir(dataDir), clock, random);
    }

    @Override
    public String createToken(Path dataDir, DatabaseConfig database, String school) {
        try (Database db = Database.open(database, DataDirectory.prepare(dataDir))) {
            AuditLog audit = new JdbcAuditLog(db.dataSource(), clock);
            String token = enrolment(db).createToken(school);
            audit.record(CLI_ACTOR, "token.create", "school=" + school);
            return token;
        }
    }

    @Override
    public void addUser(Path dataDir, DatabaseConfig database, String username, Role role, String password) {
        try (Database db = Database.open(database, DataDirectory.prepare(dataDir))) {
            userAdmin(db).add(CLI_ACTOR, username, role, password);
        }
    }

    @Override
    public BackupSummary backup(Path dataDir, Path archive) {
        Path dir = DataDirectory.existing(dataDir);
        BackupArchive.create(dir, archive, clock.instant());
        return new BackupSummary(archive, dir, -1);
    }

    @Override
    public BackupSummary restore(Path archive, Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        BackupArchive.restore(archive, dir);
        // Opening proves the restored files work together (password, database) and migrates an older backup.
        try (Database db = Database.open(dir)) {
            long alerts = new JdbcAlertRepository(db.dataSource()).find(AlertQuery.all()).total();
            new JdbcAuditLog(db.dataSource(), clock).record(CLI_ACTOR, "backup.restore", "from=" + archive);
            return new BackupSummary(archive, dir, alerts);
        }
    }

    @Override
    public String fingerprint(Path dataDir) {
        return new CertificateStore(DataDirectory.existing(dataDir)).loadOrCreate().fingerprint();
    }

    Enrolment enrolment(Database db) {
        return new Enrolment(new JdbcTokenRepository(db.dataSource()), new JdbcDeviceRepository(db.dataSource()),
                new Secrets(random), clock);
    }

    UserAdmin userAdmin(Database db) {
        return new UserAdmin(new JdbcUserRepository(db.dataSource()), new PasswordHasher(random),
                new JdbcAuditLog(db.dataSource(), clock), clock);
    }
}
