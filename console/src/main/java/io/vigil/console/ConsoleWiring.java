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
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.Enrolment;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.School;
import io.vigil.console.domain.Schools;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.Trust;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.H2Backup;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcAuditLog;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import io.vigil.console.store.jdbc.JdbcTokenRepository;
import io.vigil.console.store.jdbc.JdbcUserRepository;
import io.vigil.console.tls.CertificateStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

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
    public String createToken(Path dataDir, DatabaseConfig database, Optional<String> school) {
        try (Database db = Database.open(database, DataDirectory.prepare(dataDir))) {
            School target = schools(db).requireSchool(school);
            String token = enrolment(db).createToken(target);
            audit(db).record(CLI_ACTOR, "token.create", "school=" + target.id() + " " + target.name());
            return token;
        }
    }

    @Override
    public String addUser(Path dataDir, DatabaseConfig database, String username, Role role,
                          ConsoleOperations.Membership where, String password) {
        try (Database db = Database.open(database, DataDirectory.prepare(dataDir))) {
            Schools schools = schools(db);
            if (where.trust().isPresent()) {
                Trust trust = schools.requireTrust(where.trust().get());
                userAdmin(db).add(CLI_ACTOR, username, role, io.vigil.console.domain.Membership.trust(trust.id()), password);
                return "every school in trust " + trust.name();
            }
            School school = schools.requireSchool(where.school());
            userAdmin(db).add(CLI_ACTOR, username, role, io.vigil.console.domain.Membership.school(school.id()), password);
            return "school " + school.name();
        }
    }

    @Override
    public void addSchool(Path dataDir, DatabaseConfig database, String name, Optional<String> trust) {
        try (Database db = Database.open(database, DataDirectory.prepare(dataDir))) {
            School school = schools(db).addSchool(name, trust);
            audit(db).record(CLI_ACTOR, "school.add", "school=" + school.id() + " " + school.name()
                    + school.trustId().map(t -> " trust=" + t).orElse(""));
        }
    }

    @Override
    public void addTrust(Path dataDir, DatabaseConfig database, String name) {
        try (Database db = Database.open(database, DataDirectory.prepare(dataDir))) {
            Trust trust = schools(db).addTrust(name);
            audit(db).record(CLI_ACTOR, "trust.add", "trust=" + trust.id() + " " + trust.name());
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
            H2Backup.forgetNodesOfRestoredDatabase(db);
            var everySchool = new Scope(new JdbcSchoolRepository(db.dataSource()).schools().stream()
                    .map(School::id).collect(java.util.stream.Collectors.toSet()));
            long alerts = new JdbcAlertRepository(db.dataSource()).find(AlertQuery.all(everySchool)).total();
            new JdbcAuditLog(db.dataSource(), clock).record(CLI_ACTOR, "backup.restore", "from=" + archive);
            return new BackupSummary(archive, dir, alerts);
        }
    }

    @Override
    public String fingerprint(Path dataDir) {
        return new CertificateStore(DataDirectory.existing(dataDir)).loadOrCreate().fingerprint();
    }

    private AuditLog audit(Database db) {
        return new JdbcAuditLog(db.dataSource(), clock);
    }

    private Schools schools(Database db) {
        return new Schools(new JdbcSchoolRepository(db.dataSource()), clock);
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
