package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: a real console process, a real agent process enrolled with a token and a
 * pinned certificate, text typed by the replay source, and the DSL finding the alert through the API.
 */
class AlertDeliveryIT {

    private static final String DSL_PASSWORD = "correct horse battery staple";
    private static final String HARMLESS = "0\tGoogle Docs - History homework\tthe battle of hastings was in 1066";
    private static final String DISCLOSURE = "0\tDiscord - general\ti just want to kill myself tonight";

    @TempDir
    Path tmp;

    @Test
    void typedDisclosureReachesTheDslExactlyOnceEvenAfterTheAgentRestarts() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-07");

            Path session = site.replayScript("session.txt", HARMLESS, DISCLOSURE, HARMLESS);
            site.succeed(site.agent("run", "--config", config.toString(), "--replay", session.toString(),
                    "--replay-speed", "instant", "--exit-when-idle", "--user", "pupil.one"));

            ConsoleApi api = site.signedInApi("mrs.khan", DSL_PASSWORD);
            JsonNode found = api.alerts(Map.of("q", "kill")).json();
            assertEquals(1, found.get("total").asInt(), found::toPrettyString);
            JsonNode alert = found.get("alerts").get(0);
            assertEquals("suicide", alert.get("category").asText());
            assertEquals(5, alert.get("severity").asInt());
            assertEquals("pupil.one", alert.get("user").asText());
            assertTrue(alert.get("snippet").asText().contains("kill myself"), alert::toPrettyString);
            assertEquals("new", alert.get("status").asText());

            JsonNode devices = api.get("/api/devices").json().get("devices");
            assertEquals(1, devices.size(), devices::toPrettyString);
            assertEquals(devices.get(0).get("hostname").asText(), alert.get("device").asText());

            // A restarted agent must not deliver the acknowledged alert again.
            Path harmlessOnly = site.replayScript("harmless.txt", HARMLESS);
            site.succeed(site.agent("run", "--config", config.toString(), "--replay", harmlessOnly.toString(),
                    "--replay-speed", "instant", "--exit-when-idle", "--user", "pupil.one"));
            JsonNode all = api.alerts(Map.of()).json();
            assertEquals(1, all.get("total").asInt(), "harmless text alerted or the alert was resent:\n"
                    + all.toPrettyString());
        }
    }

    @Test
    void alertRaisedWhileTheConsoleIsDownArrivesOnceAfterTheAgentIsKilledAndRestarted() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            JavaProcess console = site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-08");
            console.close();

            // The console is down: the agent must keep the alert in its spool, even through kill -9.
            Path session = site.replayScript("session.txt", DISCLOSURE);
            JavaProcess offline = site.startAgent("run", "--config", config.toString(), "--replay",
                    session.toString(), "--replay-speed", "instant", "--user", "pupil.two");
            offline.awaitOutput("alert raised", Duration.ofSeconds(60));
            offline.killHard();

            site.startConsole();
            Path harmlessOnly = site.replayScript("harmless.txt", HARMLESS);
            site.succeed(site.agent("run", "--config", config.toString(), "--replay", harmlessOnly.toString(),
                    "--replay-speed", "instant", "--exit-when-idle", "--user", "pupil.two"));

            JsonNode all = site.signedInApi("mrs.khan", DSL_PASSWORD).alerts(Map.of()).json();
            assertEquals(1, all.get("total").asInt(), all::toPrettyString);
            JsonNode alert = all.get("alerts").get(0);
            assertEquals("suicide", alert.get("category").asText());
            assertEquals("pupil.two", alert.get("user").asText());
            assertFalse(alert.get("id").asText().isBlank());
        }
    }
}
