package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device lifecycle with real processes over TLS on loopback: the IT provider revokes a connected device
 * from the console and its agent says so in one line and stops; the revoked device cannot reconnect, and what
 * it captured afterwards stays in its spool file; a revoked enrolment token cannot enrol a device.
 */
class DeviceRevocationIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String IDLE = "0\tGoogle Docs - History homework\tthe battle of hastings was in 1066";
    private static final String DISCLOSURE = "0\tDiscord - general\ti just want to kill myself tonight";
    private static final String REVOKED_LINE = "was revoked: device revoked by the school's IT provider on ";

    @TempDir
    Path tmp;

    @Test
    void aRevokedDeviceIsCutOffAtOnceCannotReconnectAndKeepsItsSpool() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("it.lee", "it_provider", PASSWORD);
            site.addUser("mrs.khan", "dsl", PASSWORD);
            Path config = site.enrolAgent("laptop-1");
            String deviceId = deviceId(config);
            JavaProcess agent = site.startAgent("run", "--config", config.toString(), "--replay",
                    site.replayScript("idle.txt", IDLE).toString(), "--replay-speed", "instant", "--user", "pupil.one");
            agent.awaitOutput("connected to console", Duration.ofSeconds(60));
            ConsoleApi it = site.signedInApi("it.lee", PASSWORD);
            assertEquals("active", it.get("/api/devices/" + deviceId).json().get("state").asText());

            // The DSL may see devices but not revoke them.
            ConsoleApi dsl = site.signedInApi("mrs.khan", PASSWORD);
            assertEquals(403, dsl.post("/api/devices/" + deviceId + "/revoke", "application/json", "{}").status());

            int retriesBefore = agent.timesPrinted("reconnecting in");
            ConsoleApi.Response revoked = it.post("/api/devices/" + deviceId + "/revoke?reason=stolen",
                    "application/json", "{}");
            assertEquals(200, revoked.status(), revoked.body());
            // A hang guard, not the expected time. "At once" is held by order, whatever the machine's load: the
            // open session was cut with the reason, not found out on a later reconnect.
            agent.awaitOutput(REVOKED_LINE, Duration.ofMinutes(2));
            assertTrue(agent.printedBeforeNth(REVOKED_LINE, "reconnecting in", retriesBefore + 1), agent.output());
            assertEquals("revoked", it.get("/api/devices/" + deviceId).json().get("state").asText());
            agent.close();
            assertEquals(1, count(agent.output(), REVOKED_LINE), agent.output());
            String afterRevocation = agent.output().substring(agent.output().indexOf(REVOKED_LINE));
            assertEquals(0, count(afterRevocation, "reconnecting in"), "a revoked agent does not retry:\n"
                    + agent.output());

            // Restarted with something to report: it is captured and spooled, refused by the console, and kept.
            JavaProcess.Result again = site.agent("run", "--config", config.toString(), "--replay",
                    site.replayScript("disclosure.txt", DISCLOSURE).toString(), "--replay-speed", "instant",
                    "--exit-when-idle", "--user", "pupil.one");
            assertNotEquals(0, again.exitCode(), again.output());
            assertTrue(again.output().contains("alert raised"), again.output());
            assertEquals(1, count(again.output(), REVOKED_LINE), again.output());
            assertEquals(0, dsl.alerts(Map.of()).json().get("total").asInt(), "a revoked device delivered an alert");

            // The spool file still holds the unsent alert: the next start reads it back.
            JavaProcess.Result third = site.agent("run", "--config", config.toString(), "--replay",
                    site.replayScript("idle2.txt", IDLE).toString(), "--replay-speed", "instant",
                    "--exit-when-idle", "--user", "pupil.one");
            Matcher held = Pattern.compile("spool \\S+ holds (\\d+) record").matcher(third.output());
            assertTrue(held.find(), third.output());
            assertTrue(Long.parseLong(held.group(1)) >= 1, "the spool lost the unsent alert:\n" + third.output());
        }
    }

    @Test
    void aRevokedTokenCannotEnrolADevice() {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("it.lee", "it_provider", PASSWORD);
            ConsoleApi it = site.signedInApi("it.lee", PASSWORD);
            ConsoleApi.Response made = it.post("/api/tokens", "application/json", "{\"expires\": \"7d\"}");
            assertEquals(201, made.status(), made.body());
            String token = made.json().get("token").asText();
            long id = made.json().get("id").asLong();
            ConsoleApi.Response revoked = it.post("/api/tokens/" + id + "/revoke", "application/json", "{}");
            assertEquals(200, revoked.status(), revoked.body());
            assertEquals("revoked", revoked.json().get("state").asText());

            Path config = site.root.resolve("laptop-2").resolve("agent.properties");
            JavaProcess.Result enrol = site.agent("enrol", "--console", "127.0.0.1:" + site.grpcPort, "--token", token,
                    "--pin", site.fingerprint(), "--config", config.toString());
            assertNotEquals(0, enrol.exitCode(), enrol.output());
            assertTrue(enrol.output().contains("enrolment token was revoked by the school's IT provider on"),
                    enrol.output());
            assertTrue(Files.notExists(config), "a refused enrolment wrote a config");

            JsonNode tokens = it.get("/api/tokens").json().get("tokens");
            assertEquals(1, tokens.size(), tokens::toPrettyString);
            assertEquals(0, tokens.get(0).get("uses").asInt());
            assertEquals("it.lee", tokens.get(0).get("revokedBy").asText());
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    private static String deviceId(Path config) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(config)) {
            p.load(in);
        }
        return p.getProperty("device.id");
    }
}
