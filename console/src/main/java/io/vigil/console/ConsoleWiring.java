package io.vigil.console;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.auth.Base32;
import io.vigil.console.auth.SecondFactors;
import io.vigil.console.backup.BackupArchive;
import io.vigil.console.cli.ConsoleOperations;
import io.vigil.console.config.DataDirectory;
import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.config.PortCheck;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.School;
import io.vigil.console.domain.Scope;
import io.vigil.console.store.jdbc.H2Backup;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import io.vigil.console.tls.CertificateStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns command-line operations into calls on a {@link ConsoleApp} over one data directory and database. */
final class ConsoleWiring implements ConsoleOperations {

    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    @Override
    public RunningConsole serve(ServeOptions options) {
        // Check everything that can be checked before writing a single file.
        options.webTls().ifPresent(files -> io.vigil.console.tls.SchoolCertificate.load(files.certificate(), files.key(),
                clock.instant()));
        PortCheck.requireFree(options.bind(), options.httpPort(), "HTTPS console", "--http-port");
        PortCheck.requireFree(options.bind(), options.grpcPort(), "agent gRPC", "--grpc-port");
        Path dataDir = DataDirectory.prepare(options.dataDir());
        return StartedConsole.start(options.withDataDir(dataDir), clock, random);
    }

    @Override
    public String createToken(Path dataDir, DatabaseConfig database, Optional<String> school,
                              Optional<String> expires) {
        try (ConsoleApp app = open(database, dataDir)) {
            return app.createToken(ConsoleApp.CLI_ACTOR, school, expires).secret();
        }
    }

    @Override
    public List<String> listTokens(Path dataDir, DatabaseConfig database, Optional<String> school) {
        try (ConsoleApp app = open(database, dataDir)) {
            var now = clock.instant();
            var tokens = app.listTokens(ConsoleApp.CLI_ACTOR, school);
            if (tokens.isEmpty()) {
                return List.of("no enrolment tokens");
            }
            return tokens.stream().map(t -> TokenLines.line(t, now)).toList();
        }
    }

    @Override
    public String revokeToken(Path dataDir, DatabaseConfig database, long id) {
        try (ConsoleApp app = open(database, dataDir)) {
            var token = app.revokeToken(ConsoleApp.CLI_ACTOR, id);
            return "revoked enrolment token " + token.id() + " of " + token.schoolName()
                    + "; devices can no longer enrol with it (devices it enrolled keep working)";
        }
    }

    @Override
    public AddedUser addUser(Path dataDir, DatabaseConfig database, String username, Set<Role> roles,
                             Membership where, String password, Optional<String> totpSecretBase32) {
        Optional<byte[]> secret = totpSecretBase32.map(Base32::decode);
        try (ConsoleApp app = open(database, dataDir)) {
            String scope = app.addUser(ConsoleApp.CLI_ACTOR, username, roles, where, password, Optional.empty());
            return new AddedUser(scope, secret.map(s -> setup(
                    app.userAdmin().enrolTotp(ConsoleApp.CLI_ACTOR, username, Optional.of(s)))));
        }
    }

    static TotpSetup setup(SecondFactors.Enrolment e) {
        return new TotpSetup(e.secretBase32(), e.otpauthUri(), e.recoveryCodes());
    }

    @Override
    public TotpSetup enrolTotp(Path dataDir, DatabaseConfig database, String username) {
        try (ConsoleApp app = open(database, dataDir)) {
            return setup(app.userAdmin().enrolTotp(ConsoleApp.CLI_ACTOR, username, Optional.empty()));
        }
    }

    @Override
    public void setDisabled(Path dataDir, DatabaseConfig database, String username, boolean disabled) {
        try (ConsoleApp app = open(database, dataDir)) {
            app.userAdmin().setDisabled(ConsoleApp.CLI_ACTOR, username, disabled);
        }
    }

    @Override
    public void resetPassword(Path dataDir, DatabaseConfig database, String username, String password) {
        try (ConsoleApp app = open(database, dataDir)) {
            app.userAdmin().resetPassword(ConsoleApp.CLI_ACTOR, username, password);
        }
    }

    @Override
    public void setRoles(Path dataDir, DatabaseConfig database, String username, Set<Role> roles) {
        try (ConsoleApp app = open(database, dataDir)) {
            app.userAdmin().setRoles(ConsoleApp.CLI_ACTOR, username, roles);
        }
    }

    @Override
    public io.vigil.console.people.ImportSummary importDirectory(Path dataDir, DatabaseConfig database,
                                                                 Optional<String> school, byte[] file) {
        try (ConsoleApp app = open(database, dataDir)) {
            long id = app.schoolId(school);
            return app.directory().importCsv(ConsoleApp.CLI_ACTOR, Scope.of(id), id, file);
        }
    }

    @Override
    public boolean linkUser(Path dataDir, DatabaseConfig database, String username, Optional<String> school,
                            String login) {
        try (ConsoleApp app = open(database, dataDir)) {
            return app.directory().link(ConsoleApp.CLI_ACTOR, username, app.schoolId(school), login);
        }
    }

    @Override
    public void addSchool(Path dataDir, DatabaseConfig database, String name, Optional<String> trust) {
        try (ConsoleApp app = open(database, dataDir)) {
            app.addSchool(ConsoleApp.CLI_ACTOR, name, trust);
        }
    }

    @Override
    public void addTrust(Path dataDir, DatabaseConfig database, String name) {
        try (ConsoleApp app = open(database, dataDir)) {
            app.addTrust(ConsoleApp.CLI_ACTOR, name);
        }
    }

    @Override
    public String setOnCall(Path dataDir, DatabaseConfig database, Optional<String> school,
                            java.util.List<io.vigil.console.notify.OnCallPerson> people, Optional<Integer> minSeverity,
                            Optional<Integer> escalateAfterMinutes) {
        try (ConsoleApp app = open(database, dataDir)) {
            return app.setOnCall(ConsoleApp.CLI_ACTOR, school, people, minSeverity, escalateAfterMinutes);
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
        try (ConsoleApp app = ConsoleApp.open(DatabaseConfig.embedded(), dir, clock, random)) {
            H2Backup.forgetNodesOfRestoredDatabase(app.database());
            var everySchool = new Scope(new JdbcSchoolRepository(app.database().dataSource()).schools().stream()
                    .map(School::id).collect(Collectors.toSet()));
            long alerts = app.alerts().find(AlertQuery.all(everySchool)).total();
            app.audit().record(ConsoleApp.CLI_ACTOR, AuditAction.BACKUP_RESTORE, "from=" + archive);
            return new BackupSummary(archive, dir, alerts);
        }
    }

    @Override
    public String fingerprint(Path dataDir) {
        return new CertificateStore(DataDirectory.existing(dataDir)).loadOrCreate().fingerprint();
    }

    private ConsoleApp open(DatabaseConfig database, Path dataDir) {
        return ConsoleApp.open(database, DataDirectory.prepare(dataDir), clock, random);
    }
}
