package io.vigil.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing, exit codes and messages, with the operations recorded instead of run. */
class CliTest {

    private final List<String> calls = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private final ConsoleOperations operations = new ConsoleOperations() {
        @Override
        public RunningConsole serve(ServeOptions options) {
            calls.add("serve " + options.database());
            throw new ConsoleException("port " + options.httpPort() + " on " + options.bind() + " is already in use");
        }

        @Override
        public String createToken(Path dataDir, DatabaseConfig database, java.util.Optional<String> school,
                                  java.util.Optional<String> expires) {
            calls.add("token " + school.orElse("(only school)") + expires.map(e -> " expires " + e).orElse(""));
            return "TOKEN123";
        }

        @Override
        public List<String> listTokens(Path dataDir, DatabaseConfig database, java.util.Optional<String> school) {
            calls.add("token list " + school.orElse("(every school)"));
            return List.of("token 1\tschool=Oak");
        }

        @Override
        public String revokeToken(Path dataDir, DatabaseConfig database, long id) {
            calls.add("token revoke " + id);
            return "revoked enrolment token " + id;
        }

        @Override
        public AddedUser addUser(Path dataDir, DatabaseConfig database, String username, java.util.Set<Role> roles,
                                 Membership membership, String password, java.util.Optional<String> totpSecret) {
            calls.add("user " + username + " " + roles.stream().sorted().map(Role::id)
                    .collect(java.util.stream.Collectors.joining(",")) + " " + password
                    + membership.school().map(s -> " school " + s).orElse("")
                    + membership.trust().map(t -> " trust " + t).orElse("")
                    + totpSecret.map(t -> " totp " + t).orElse(""));
            return new AddedUser(membership.trust().map(t -> "trust " + t).orElse("school"),
                    totpSecret.map(t -> new TotpSetup(t, "otpauth://totp/Vigil:" + username + "?secret=" + t,
                            List.of("aaaaa-bbbbb"))));
        }

        @Override
        public TotpSetup enrolTotp(Path dataDir, DatabaseConfig database, String username) {
            calls.add("totp " + username);
            return new TotpSetup("SECRET", "otpauth://totp/Vigil:" + username + "?secret=SECRET", List.of("ccccc-ddddd"));
        }

        @Override
        public void setDisabled(Path dataDir, DatabaseConfig database, String username, boolean disabled) {
            calls.add((disabled ? "disable " : "enable ") + username);
        }

        @Override
        public void resetPassword(Path dataDir, DatabaseConfig database, String username, String password) {
            calls.add("reset " + username + " " + password);
        }

        @Override
        public void setRoles(Path dataDir, DatabaseConfig database, String username, java.util.Set<Role> roles) {
            calls.add("roles " + username + " " + roles.stream().sorted().map(Role::id)
                    .collect(java.util.stream.Collectors.joining(",")));
        }

        @Override
        public void addSchool(Path dataDir, DatabaseConfig database, String name, java.util.Optional<String> trust) {
            calls.add("school " + name + trust.map(t -> " in " + t).orElse(""));
        }

        @Override
        public void addTrust(Path dataDir, DatabaseConfig database, String name) {
            calls.add("trust " + name);
        }

        @Override
        public String setOnCall(Path dataDir, DatabaseConfig database, java.util.Optional<String> school,
                                List<io.vigil.console.notify.OnCallPerson> people,
                                java.util.Optional<Integer> minSeverity, java.util.Optional<Integer> escalate) {
            calls.add("oncall " + school.orElse("(only school)") + " " + people
                    + minSeverity.map(m -> " severity " + m).orElse("") + escalate.map(m -> " after " + m).orElse(""));
            return school.orElse("Oak School");
        }

        @Override
        public String fingerprint(Path dataDir) {
            return "ab".repeat(32);
        }

        @Override
        public BackupSummary backup(Path dataDir, Path archive) {
            calls.add("backup " + dataDir + " " + archive);
            return new BackupSummary(archive, dataDir, 0);
        }

        @Override
        public BackupSummary restore(Path archive, Path dataDir) {
            calls.add("restore " + archive + " " + dataDir);
            return new BackupSummary(archive, dataDir, 3);
        }
    };

    private int run(String stdin, String... args) {
        return Cli.create(operations, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).execute(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tokenListAndRevokeReachTheOperations() {
        assertEquals(0, run("", "token", "list", "--data", "/tmp/x", "--school", "Oak"));
        assertEquals(0, run("", "token", "revoke", "--data", "/tmp/x", "--id", "7"));
        assertEquals(0, run("", "token", "create", "--data", "/tmp/x", "--expires", "7d"));
        assertEquals(List.of("token list Oak", "token revoke 7", "token (only school) expires 7d"), calls);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("revoked enrolment token 7"));
    }

    @Test
    void tokenRevokeWithoutAnIdIsAUsageError() {
        assertEquals(2, run("", "token", "revoke", "--data", "/tmp/x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--id"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void tokenCreatePrintsOnlyTheToken() {
        assertEquals(0, run("", "token", "create", "--data", "/tmp/x", "--school", "Oak"));
        assertEquals("TOKEN123\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("token Oak"), calls);
    }

    @Test
    void userAddReadsThePasswordFromTheFirstLineOfStdin() {
        assertEquals(0, run("a long enough password\nignored\n", "user", "add", "--data", "/tmp/x", "--username",
                "alice", "--role", "deputy_dsl", "--password-stdin"));
        assertEquals(List.of("user alice deputy_dsl a long enough password"), calls);
    }

    @Test
    void aUserMayHoldSeveralRoles() {
        assertEquals(0, run("a long enough password\n", "user", "add", "--data", "/tmp/x", "--username",
                "head", "--role", "headteacher,dsl", "--password-stdin"));
        assertEquals(List.of("user head dsl,headteacher a long enough password"), calls);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("with roles dsl, headteacher"), out.toString());
    }

    @Test
    void userAddWithATotpSecretPrintsTheRecoveryCodesOnceAndWithoutOneSaysHowToSetItUp() {
        assertEquals(0, run("a long enough password\n", "user", "add", "--data", "/tmp/x", "--username",
                "alice", "--role", "dsl", "--password-stdin", "--totp-secret", "JBSWY3DPEHPK3PXP"));
        assertEquals(List.of("user alice dsl a long enough password totp JBSWY3DPEHPK3PXP"), calls);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("aaaaa-bbbbb"), out.toString());
        out.reset();
        assertEquals(0, run("a long enough password\n", "user", "add", "--data", "/tmp/x", "--username",
                "bob", "--role", "deputy_dsl", "--password-stdin"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("user totp --username bob"), out.toString());
    }

    @Test
    void lifecycleCommandsReachTheirOperations() {
        assertEquals(0, run("", "user", "totp", "--data", "/tmp/x", "--username", "alice"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("otpauth://totp/Vigil:alice"), out.toString());
        assertEquals(0, run("", "user", "disable", "--data", "/tmp/x", "--username", "alice"));
        assertEquals(0, run("", "user", "enable", "--data", "/tmp/x", "--username", "alice"));
        assertEquals(0, run("", "user", "role", "--data", "/tmp/x", "--username", "alice", "--role", "governor"));
        assertEquals(0, run("new long password here\n", "user", "reset-password", "--data", "/tmp/x", "--username",
                "alice", "--password-stdin"));
        assertEquals(List.of("totp alice", "disable alice", "enable alice", "roles alice governor",
                "reset alice new long password here"), calls);
        assertEquals(2, run("", "user", "role", "--data", "/tmp/x", "--username", "alice", "--role", "admin"));
    }

    @Test
    void aTlsCertificateWithoutItsKeyIsAUsageError() {
        assertEquals(2, run("", "serve", "--data", "/tmp/x", "--tls-cert", "/tmp/cert.pem"));
        assertTrue(err().contains("--tls-cert and --tls-key go together"), err());
        assertTrue(calls.isEmpty());
    }

    @Test
    void aBadIdleTimeoutIsAUsageErrorNamingTheFlag() {
        assertEquals(2, run("", "serve", "--data", "/tmp/x", "--idle-timeout", "forever"));
        assertTrue(err().contains("--idle-timeout: 'forever' is not a duration"), err());
        assertEquals(2, run("", "serve", "--data", "/tmp/x", "--idle-timeout", "9h"));
        assertTrue(err().contains("between 1m and 8h"), err());
        assertTrue(calls.isEmpty());
    }

    @Test
    void oncallSetTakesUsersWithTheirAddressesInOrder() {
        assertEquals(0, run("", "oncall", "set", "--data", "/tmp/x", "--school", "Oak",
                "mrs.khan=s.khan@oak.sch.uk,mr.jones=d.jones@oak.sch.uk"));
        assertEquals(List.of("oncall Oak [OnCallPerson[username=mrs.khan, email=s.khan@oak.sch.uk],"
                + " OnCallPerson[username=mr.jones, email=d.jones@oak.sch.uk]]"), calls);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("mrs.khan, then mr.jones"), out.toString());
    }

    @Test
    void oncallSetMayChangeTheUrgentLevelAndTheEscalationDelay() {
        assertEquals(0, run("", "oncall", "set", "--data", "/tmp/x", "--severity", "4", "--escalate-after", "15",
                "mrs.khan=s.khan@oak.sch.uk"));
        assertTrue(calls.getFirst().endsWith(" severity 4 after 15"), calls.toString());
        calls.clear();
        assertEquals(2, run("", "oncall", "set", "--data", "/tmp/x", "--escalate-after", "0", "a=a@oak.sch.uk"));
        assertTrue(err().contains("--escalate-after: must be 1 to 1440 minutes, not 0"), err());
        assertTrue(calls.isEmpty());
    }

    @Test
    void oncallEntryWithoutAnAddressIsAUsageErrorNamingIt() {
        assertEquals(2, run("", "oncall", "set", "--data", "/tmp/x", "mrs.khan=s.khan@oak.sch.uk,mr.jones"));
        assertTrue(err().contains("on-call entry 'mr.jones' needs an email address"), err());
        assertEquals(2, run("", "oncall", "set", "--data", "/tmp/x", "mrs.khan=not-an-address"));
        assertTrue(err().contains("on-call user mrs.khan has no valid email address"), err());
        assertTrue(calls.isEmpty());
    }

    @Test
    void aBadNotifyConfigStopsServeNamingTheKey(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path config = dir.resolve("notify.properties");
        java.nio.file.Files.writeString(config, "smtp.host=mail.oak.sch.uk\nsmtp.security=sometimes\n");
        assertEquals(1, run("", "serve", "--data", "/tmp/x", "--notify-config", config.toString()));
        assertTrue(err().contains("smtp.security must be starttls, tls or none, not 'sometimes'"), err());
        assertTrue(calls.isEmpty(), "nothing started");
    }

    @Test
    void unknownFlagIsAUsageErrorNamingIt() {
        assertEquals(2, run("", "fingerprint", "--data", "/tmp/x", "--verbose"));
        assertTrue(err().contains("Unknown option: '--verbose'"), err());
    }

    @Test
    void unknownRoleIsAUsageErrorListingTheRoles() {
        assertEquals(2, run("pw-long-enough!\n", "user", "add", "--data", "/tmp/x", "--username", "a", "--role",
                "admin", "--password-stdin"));
        assertTrue(err().contains("unknown role 'admin'; expected one of: dsl, deputy_dsl, online_safety_lead, it_provider, headteacher, chair_of_governors, governor, auditor"), err());
        assertTrue(calls.isEmpty());
    }

    @Test
    void passwordMustComeFromStdin() {
        assertEquals(2, run("", "user", "add", "--data", "/tmp/x", "--username", "a", "--role", "dsl"));
        assertTrue(err().contains("--password-stdin"), err());
    }

    @Test
    void badPortValuesAreUsageErrors() {
        assertEquals(2, run("", "serve", "--data", "/tmp/x", "--http-port", "abc"));
        assertTrue(err().contains("--http-port"), err());
        assertEquals(2, run("", "serve", "--data", "/tmp/x", "--http-port", "70000"));
        assertEquals(2, run("", "serve", "--data", "/tmp/x", "--http-port", "9000", "--grpc-port", "9000"));
    }

    @Test
    void runtimeFailuresExitWith1AndOneClearLine() {
        assertEquals(1, run("", "serve", "--data", "/tmp/x", "--bind", "127.0.0.1"));
        assertEquals("vigil-console: port 8443 on 127.0.0.1 is already in use\n", err());
        assertEquals(List.of("serve Embedded[]"), calls, "H2 by default");
    }

    @Test
    void serveWithDbTakesThePasswordFromAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("pw"), "s3cret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        run("", "serve", "--data", "/tmp/x", "--db", "jdbc:postgresql://db.school.lan:5433/vigil", "--db-user",
                "vigil", "--db-password-file", secret.toString());
        assertEquals(List.of("serve Postgres[db.school.lan:5433/vigil as vigil]"), calls, "password never printed");
    }

    @Test
    void aPasswordFileOtherUsersCanReadIsRefused(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("pw"), "s3cret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, run("", "serve", "--data", "/tmp/x", "--db", "jdbc:postgresql://db/vigil", "--db-user", "v",
                "--db-password-file", secret.toString()));
        assertEquals("vigil-console: --db-password-file " + secret + " can be read or changed by other users"
                + " (mode rw-r--r--); run chmod 600 " + secret + "\n", err());
        assertTrue(calls.isEmpty(), "nothing started");
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedNamingTheSafeWays() {
        assertEquals(2, run("", "serve", "--data", "/tmp/x", "--db", "jdbc:postgresql://db/vigil", "--db-password",
                "hunter2"));
        assertTrue(err().contains("--db-password-file FILE or set VIGIL_DB_PASSWORD"), err());
        assertTrue(calls.isEmpty());
    }

    @Test
    void aPasswordInsideTheUrlIsRefused() {
        assertEquals(1, run("", "token", "create", "--data", "/tmp/x", "--db",
                "jdbc:postgresql://db/vigil?user=v&password=hunter2"));
        assertTrue(err().contains("the URL contains a password"), err());
        assertTrue(!err().contains("hunter2"), "the password is not repeated: " + err());
    }

    @Test
    void dbUserWithoutDbIsAUsageError() {
        assertEquals(2, run("", "serve", "--data", "/tmp/x", "--db-user", "vigil"));
        assertTrue(err().contains("--db-user needs --db"), err());
    }

    @Test
    void backupAndRestoreNameTheirFiles() {
        assertEquals(0, run("", "backup", "--data", "/srv/vigil", "--to", "/backups/vigil.zip"));
        assertEquals(0, run("", "restore", "--from", "/backups/vigil.zip", "--data", "/srv/new"));
        assertEquals(List.of("backup /srv/vigil /backups/vigil.zip", "restore /backups/vigil.zip /srv/new"), calls);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Restored 3 alerts into /srv/new"));
        assertEquals(2, run("", "restore", "--from", "/backups/vigil.zip"), "--data is required");
    }

    @Test
    void missingCommandIsAUsageError() {
        assertEquals(2, run(""));
        assertTrue(err().contains("missing command"), err());
    }

    @Test
    void aCommandGroupOnItsOwnNamesItsSubcommand() {
        assertEquals(2, run("", "school"));
        assertTrue(err().contains("missing command: add"), err());
        assertEquals(2, run("", "token"));
        assertTrue(err().contains("missing command: create"), err());
    }
}
