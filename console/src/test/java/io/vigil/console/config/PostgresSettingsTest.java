package io.vigil.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresSettingsTest {

    private static final Map<String, String> ENV = Map.of("VIGIL_DB_USER", "env-user", "VIGIL_DB_PASSWORD", "env-pw");

    @Test
    void credentialsComeFromTheEnvironmentWhenNoOptionsAreGiven() {
        var config = PostgresSettings.resolve("jdbc:postgresql://db.school.lan:5433/vigil?sslmode=require", null,
                null, ENV);
        assertEquals("env-user", config.user());
        assertEquals("env-pw", config.password());
        assertEquals("db.school.lan:5433/vigil", config.describe());
        assertEquals("jdbc:postgresql://db.school.lan:5433/vigil?sslmode=require", config.url());
    }

    @Test
    void optionsWinOverTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pw"), "from-file\nsecond line ignored\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        var config = PostgresSettings.resolve("jdbc:postgresql://a:1,b:2/vigil", "opt-user", file, ENV);
        assertEquals("opt-user", config.user());
        assertEquals("from-file", config.password());
        assertEquals("a:1,b:2/vigil", config.describe(), "every host named");
    }

    @Test
    void theRecordNeverPrintsThePassword() {
        var config = PostgresSettings.resolve("jdbc:postgresql://db/vigil", null, null, ENV);
        assertTrue(!config.toString().contains("env-pw"), config.toString());
    }

    @Test
    void wrongUrlsNameTheExpectedShape() {
        for (String url : new String[] {"jdbc:h2:file:/x", "postgresql://db/vigil", "jdbc:postgresql://db",
                "jdbc:postgresql://db/"}) {
            var e = assertThrows(ConsoleException.class, () -> PostgresSettings.resolve(url, null, null, ENV));
            assertTrue(e.getMessage().contains("expected jdbc:postgresql://HOST[:PORT]/DATABASE"), e.getMessage());
        }
    }

    @Test
    void missingUserOrPasswordNamesBothWaysToGiveIt() {
        var noUser = assertThrows(ConsoleException.class,
                () -> PostgresSettings.resolve("jdbc:postgresql://db/vigil", null, null, Map.of()));
        assertEquals("PostgreSQL at db: no user name; give --db-user or set VIGIL_DB_USER", noUser.getMessage());
        var noPassword = assertThrows(ConsoleException.class,
                () -> PostgresSettings.resolve("jdbc:postgresql://db/vigil", "u", null, Map.of()));
        assertTrue(noPassword.getMessage().contains("--db-password-file"), noPassword.getMessage());
        assertTrue(noPassword.getMessage().contains("VIGIL_DB_PASSWORD"), noPassword.getMessage());
    }

    @Test
    void passwordFileProblemsAreNamed(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing");
        assertEquals("--db-password-file " + missing + " does not exist", assertThrows(ConsoleException.class,
                () -> PostgresSettings.readPasswordFile(missing)).getMessage());
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        Files.setPosixFilePermissions(empty, PosixFilePermissions.fromString("rw-------"));
        assertEquals("--db-password-file " + empty + " is empty", assertThrows(ConsoleException.class,
                () -> PostgresSettings.readPasswordFile(empty)).getMessage());
        Path groupWritable = Files.writeString(dir.resolve("gw"), "pw\n");
        Files.setPosixFilePermissions(groupWritable, PosixFilePermissions.fromString("rw--w----"));
        assertThrows(ConsoleException.class, () -> PostgresSettings.readPasswordFile(groupWritable));
    }
}
