package io.vigil.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.ConfigFile;
import io.vigil.agent.platform.DeviceFacts;
import io.vigil.agent.transport.Enrolment;
import io.vigil.agent.transport.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstStartEnrolmentTest {

    private static final String PIN = "ab".repeat(32);
    private static final DeviceFacts FACTS = new DeviceFacts("laptop-1", "Linux", "6.1", "SERIAL-42", "0.1.0");

    @TempDir
    Path dir;

    private final List<String> tokensSent = new ArrayList<>();

    private FirstStartEnrolment enrolment(Map<String, String> environment, boolean consoleAnswers) {
        return new FirstStartEnrolment((console, pin, token, facts) -> {
            tokensSent.add(token);
            if (!consoleAnswers) {
                throw new TransportException("console at " + console + " is not reachable", null);
            }
            assertEquals("SERIAL-42", facts.hardwareId());
            return new Enrolment("device-7", "secret-credential", "Hillside Academy", List.of());
        }, () -> FACTS, environment);
    }

    private Path mdmFile(String... extraLines) throws Exception {
        Files.writeString(dir.resolve("enrol-token"), "tok-123\n");
        Path file = dir.resolve("enrol.properties");
        Files.writeString(file, "console.address=console.school.example:8443\nconsole.pin=" + PIN
                + "\nenrol.token_file=enrol-token\n" + String.join("\n", extraLines) + "\n");
        return file;
    }

    @Test
    void missingConfigIsEnrolledFromTheMdmFileAndTheTokenFileIsConsumed() throws Exception {
        Path mdm = mdmFile("filter.enabled=true", "filter.listen=127.0.0.153:53",
                "filter.upstream=1.1.1.3:53", "spool.path=/var/lib/vigil/spool.mv.db");
        Path config = dir.resolve("agent.properties");

        assertTrue(enrolment(Map.of(), true).enrolIfNeeded(config, mdm));

        assertEquals(List.of("tok-123"), tokensSent);
        assertFalse(Files.exists(dir.resolve("enrol-token")), "used token file must be deleted");
        AgentConfig written = new ConfigFile(config).load();
        assertEquals("device-7", written.deviceId());
        assertEquals(Path.of("/var/lib/vigil/spool.mv.db"), written.spoolPath());
        assertTrue(written.filter().enabled(), written::toString);
        assertEquals("console.school.example:8443", written.console().toString());
    }

    @Test
    void tokenFromTheEnvironmentWinsSoNoFileIsNeeded() throws Exception {
        Path mdm = mdmFile();
        Files.delete(dir.resolve("enrol-token"));

        enrolment(Map.of("VIGIL_ENROL_TOKEN", "from-env"), true).enrolIfNeeded(dir.resolve("agent.properties"), mdm);

        assertEquals(List.of("from-env"), tokensSent);
    }

    @Test
    void anExistingConfigIsNeverReEnrolled() throws Exception {
        Path mdm = mdmFile();
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, "device.id=old\n");

        assertFalse(enrolment(Map.of(), true).enrolIfNeeded(config, mdm));
        assertTrue(tokensSent.isEmpty());
    }

    @Test
    void failedEnrolmentKeepsTheTokenForTheNextStart() throws Exception {
        Path mdm = mdmFile();
        Path config = dir.resolve("agent.properties");

        CliException e = assertThrows(CliException.class, () -> enrolment(Map.of(), false).enrolIfNeeded(config, mdm));

        assertEquals(ExitCodes.FAILURE, e.exitCode());
        assertTrue(e.getMessage().contains("not reachable"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("enrol-token")));
        assertFalse(Files.exists(config));
    }

    @Test
    void aMisspeltSettingIsRefusedBeforeTheTokenIsSpent() throws Exception {
        Path mdm = mdmFile("filter.enabeld=true");

        CliException e = assertThrows(CliException.class,
                () -> enrolment(Map.of(), true).enrolIfNeeded(dir.resolve("agent.properties"), mdm));

        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("filter.enabeld"), e.getMessage());
        assertTrue(tokensSent.isEmpty());
    }

    @Test
    void settingsThatMakeABadConfigTogetherAreRefusedBeforeTheTokenIsSpent() throws Exception {
        Path mdm = mdmFile("filter.enabled=true");

        CliException e = assertThrows(CliException.class,
                () -> enrolment(Map.of(), true).enrolIfNeeded(dir.resolve("agent.properties"), mdm));

        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("filter.upstream"), e.getMessage());
        assertTrue(tokensSent.isEmpty());
        assertTrue(Files.exists(dir.resolve("enrol-token")));
    }

    @Test
    void aMissingTokenFileSaysWhereItWasLookedFor() throws Exception {
        Path mdm = mdmFile();
        Files.delete(dir.resolve("enrol-token"));

        CliException e = assertThrows(CliException.class,
                () -> enrolment(Map.of(), true).enrolIfNeeded(dir.resolve("agent.properties"), mdm));

        assertTrue(e.getMessage().contains("enrol-token") && e.getMessage().contains("not found"), e.getMessage());
    }
}
