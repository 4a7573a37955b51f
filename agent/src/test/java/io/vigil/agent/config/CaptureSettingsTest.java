package io.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureSettingsTest {

    @TempDir
    Path dir;

    private AgentConfig load(String extra) throws Exception {
        Path file = dir.resolve("agent.properties");
        new ConfigFile(file).write(AgentConfig.enrolled(ConsoleAddress.parse("127.0.0.1:7443"),
                CertificatePin.parse("ab".repeat(32)), "dev-1", "secret", file));
        Files.writeString(file, extra, java.nio.file.StandardOpenOption.APPEND);
        return new ConfigFile(file).load();
    }

    @Test
    void defaultsCaptureKeyboardAndWindowsAndTakeNoScreenshots() throws Exception {
        CaptureSettings c = load("").capture();
        assertTrue(c.keyboard());
        assertTrue(c.windows());
        assertEquals(Duration.ofSeconds(1), c.windowPoll());
        assertTrue(c.screenshotCategories().isEmpty());
    }

    @Test
    void schoolSettingsAreRead() throws Exception {
        CaptureSettings c = load("""
                capture.keyboard=false
                capture.windows.poll_ms=500
                privacy.signin.title_pattern=Arbor MIS|SIMS
                privacy.signin.apps=SchoolVault, vault.exe
                screenshot.categories=self_harm, Suicide
                screenshot.min_severity=5
                screenshot.never=abuse
                """).capture();
        assertFalse(c.keyboard());
        assertEquals(Duration.ofMillis(500), c.windowPoll());
        assertTrue(c.signInTitles().getFirst().matcher("Log on to arbor mis").find());
        assertEquals(Set.of("schoolvault", "vault.exe"), c.signInApps());
        assertEquals(Set.of("self_harm", "suicide"), c.screenshotCategories());
        assertEquals(5, c.screenshotMinSeverity());
        assertEquals(Set.of("abuse"), c.noImagery());
    }

    @Test
    void screenshotsOfSexualCategoriesCannotBeSwitchedOn() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load("screenshot.categories=self_harm,sexual_content,grooming\n"));
        assertTrue(e.getMessage().contains("'screenshot.categories': [grooming, sexual_content] can never have"),
                e.getMessage());
        ConfigException own = assertThrows(ConfigException.class,
                () -> load("screenshot.categories=abuse\nscreenshot.never=abuse\n"));
        assertTrue(own.getMessage().contains("[abuse] can never have"), own.getMessage());
    }

    @Test
    void badValuesNameTheirKey() {
        assertTrue(assertThrows(ConfigException.class, () -> load("capture.keyboard=maybe\n")).getMessage()
                .contains("key 'capture.keyboard': 'maybe' is not true or false"));
        assertTrue(assertThrows(ConfigException.class, () -> load("screenshot.min_severity=9\n")).getMessage()
                .contains("key 'screenshot.min_severity': 9 is outside 1-5"));
        assertTrue(assertThrows(ConfigException.class, () -> load("privacy.signin.title_pattern=(oops\n"))
                .getMessage().contains("key 'privacy.signin.title_pattern': not a valid regular expression"));
        assertTrue(assertThrows(ConfigException.class, () -> load("capture.keybord=false\n")).getMessage()
                .contains("unknown key(s) [capture.keybord]"));
    }
}
