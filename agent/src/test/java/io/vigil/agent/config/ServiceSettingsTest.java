package io.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    private static final Path DIR = Path.of("/etc/vigil");

    private static Properties props(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void defaultsSuitAnInstalledLinuxService() {
        ServiceSettings s = ServiceSettingsParser.parse(props(), DIR);
        assertEquals(Path.of("/run/vigil/helper.sock"), s.helperSocket());
        assertEquals(Duration.ofSeconds(60), s.helperGrace());
        assertEquals(ServiceSettings.DEFAULT_DNS_PATHS, s.dnsPaths());
        assertEquals(3, s.repeatThreshold());
        assertEquals(Duration.ofHours(24), s.repeatWindow());
    }

    @Test
    void pathsAreReadAndRelativeOnesAreBesideTheConfig() {
        ServiceSettings s = ServiceSettingsParser.parse(props("helper.socket", "run/h.sock",
                "tamper.dns_paths", "/etc/resolv.conf, resolved.d/vigil.conf"), DIR);
        assertEquals(Path.of("/etc/vigil/run/h.sock"), s.helperSocket());
        assertEquals(List.of(Path.of("/etc/resolv.conf"), Path.of("/etc/vigil/resolved.d/vigil.conf")), s.dnsPaths());
    }

    @Test
    void aBadNumberNamesItsKey() {
        assertEquals("key 'tamper.repeat_threshold': must be a whole number from 1 to 1000, not 'often'",
                assertThrows(IllegalArgumentException.class,
                        () -> ServiceSettingsParser.parse(props("tamper.repeat_threshold", "often"), DIR)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ServiceSettingsParser.parse(props("helper.grace_seconds", "0"), DIR));
    }
}
