package io.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {

    private static final String PIN = "ab".repeat(32);

    @TempDir
    Path dir;

    private AgentConfig sample(Path configFile) {
        return AgentConfig.enrolled(ConsoleAddress.parse("127.0.0.1:7443"), CertificatePin.parse(PIN), "dev-1",
                "secret=with:odd\\chars", configFile);
    }

    @Test
    void writtenConfigReadsBackIdentically() throws Exception {
        Path file = dir.resolve("agent.properties");
        AgentConfig written = sample(file);
        new ConfigFile(file).write(written);
        AgentConfig read = new ConfigFile(file).load();
        assertEquals(written, read);
        assertEquals(dir.resolve("spool.mv.db"), read.spoolPath());
        assertEquals(Duration.ofSeconds(30), read.heartbeatInterval());
    }

    @Test
    void configFileIsOwnerOnlyAndNoTempFileIsLeftBehind() throws Exception {
        Path file = dir.resolve("agent.properties");
        new ConfigFile(file).write(sample(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void credentialIsNotInToString() {
        assertFalse(sample(dir.resolve("a.properties")).toString().contains("secret"));
    }

    @Test
    void missingKeyIsNamed() throws Exception {
        Path file = write("console.address=127.0.0.1:7443\nconsole.pin=" + PIN + "\ndevice.id=d\nspool.path=s\n");
        var e = assertThrows(ConfigException.class, () -> new ConfigFile(file).load());
        assertEquals("config " + file + ": missing key 'device.credential'", e.getMessage());
    }

    @Test
    void misspeltKeyIsRefusedInsteadOfSilentlyDefaulted() throws Exception {
        Path file = write(valid() + "hearbeat.seconds=5\n");
        var e = assertThrows(ConfigException.class, () -> new ConfigFile(file).load());
        assertTrue(e.getMessage().startsWith("config " + file + ": unknown key(s) [hearbeat.seconds]"), e.getMessage());
    }

    @Test
    void emptyKeyIsNamed() throws Exception {
        Path file = write(valid().replace("device.id=d", "device.id= "));
        assertEquals("config " + file + ": key 'device.id' is empty",
                assertThrows(ConfigException.class, () -> new ConfigFile(file).load()).getMessage());
    }

    @Test
    void invalidPinIsNamedWithItsKey() throws Exception {
        Path file = write(valid().replace(PIN, "not-a-pin"));
        String message = assertThrows(ConfigException.class, () -> new ConfigFile(file).load()).getMessage();
        assertTrue(message.startsWith("config " + file + ": key 'console.pin': pin 'not-a-pin' is not a SHA-256"),
                message);
    }

    @Test
    void invalidAddressAndHeartbeatAreNamed() throws Exception {
        Path file = write(valid().replace("127.0.0.1:7443", "127.0.0.1"));
        assertEquals("config " + file + ": key 'console.address': console address '127.0.0.1' is not HOST:PORT",
                assertThrows(ConfigException.class, () -> new ConfigFile(file).load()).getMessage());
        Path other = write(valid() + "heartbeat.seconds=soon\n");
        assertEquals("config " + other + ": key 'heartbeat.seconds': 'soon' is not a whole number",
                assertThrows(ConfigException.class, () -> new ConfigFile(other).load()).getMessage());
    }

    @Test
    void missingFileSaysToEnrolFirst() {
        Path file = dir.resolve("nope.properties");
        assertEquals("config " + file + ": file not found (run 'vigil-agent enrol' first)",
                assertThrows(ConfigException.class, () -> new ConfigFile(file).load()).getMessage());
    }

    @Test
    void relativeSpoolPathIsResolvedAgainstTheConfigDirectoryAndUserIsOptional() throws Exception {
        Path file = write(valid() + "user=j.smith\n");
        AgentConfig config = new ConfigFile(file).load();
        assertEquals(dir.resolve("s"), config.spoolPath());
        assertEquals(Optional.of("j.smith"), config.user());
    }

    private String valid() {
        return "console.address=127.0.0.1:7443\nconsole.pin=" + PIN + "\ndevice.id=d\ndevice.credential=c\nspool.path=s\n";
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(dir, "agent", ".properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
