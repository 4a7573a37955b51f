package io.vigil.console;

import io.vigil.console.testing.Authenticator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import io.vigil.console.testing.HttpsClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions live in the database: restarting the console signs nobody out, and no raw session id is stored. */
class SessionSurvivesRestartIT {

    private static final Authenticator AUTH = new Authenticator();

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;

    private static int webPort(StartedConsole console) {
        return Integer.parseInt(console.webUrl().replaceAll(".*:(\\d+)/$", "$1"));
    }

    @Test
    void aDslStaysSignedInAcrossAConsoleRestart() throws Exception {
        String cookie;
        try (StartedConsole first = StartedConsole.start(new ServeOptions(dataDir, "127.0.0.1", 0, 0),
                Clock.systemUTC(), new SecureRandom())) {
            AUTH.addOrReset(first, "mrs.khan", Set.of(Role.DSL), "Oak Primary", PASSWORD);
            HttpsClient browser = new HttpsClient(webPort(first), dataDir.resolve("console-cert.pem"));
            assertEquals(204, browser.postJson("/api/session",
                    AUTH.sessionJson("mrs.khan", PASSWORD)).statusCode());
            assertEquals(200, browser.get("/api/alerts").statusCode());
            cookie = browser.cookie();
        }

        String sessionId = cookie.substring(cookie.indexOf('=') + 1);
        try (var files = Files.walk(dataDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(sessionId), "raw session id found in " + file);
            }
        }

        try (StartedConsole second = StartedConsole.start(new ServeOptions(dataDir, "127.0.0.1", 0, 0),
                Clock.systemUTC(), new SecureRandom())) {
            HttpsClient sameBrowser = new HttpsClient(webPort(second), dataDir.resolve("console-cert.pem"));
            sameBrowser.useCookie(cookie);
            var alerts = sameBrowser.get("/api/alerts");
            assertEquals(200, alerts.statusCode(), "still signed in after the restart: " + alerts.body());
            var me = sameBrowser.get("/api/session");
            assertEquals(200, me.statusCode());
            assertEquals(true, me.body().contains("\"username\":\"mrs.khan\""), me.body());
        }
    }
}
