package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent on a device with no display, its loopback help page asked by a real HTTP client, and a real
 * console over TLS: a pupil's request for help reaches the DSL, forged requests do not, and the first
 * acceptance of the monitoring notice reaches the console once however often the agent restarts.
 */
class HelpAndNoticeIT {

    private static final String DSL_PASSWORD = "correct horse battery staple";
    private static final String HARMLESS = "0\tGoogle Docs - History homework\tthe battle of hastings was in 1066";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    /** A running agent for {@code user}, headless, with its help page up. */
    private static JavaProcess startAgent(VigilSite site, Path config, Path script, String user) {
        JavaProcess agent = site.startAgent(env -> env.remove("DISPLAY"), "run", "--config", config.toString(),
                "--replay", script.toString(), "--replay-speed", "instant", "--user", user);
        agent.awaitOutput("help page listening", LIMIT);
        return agent;
    }

    @Test
    void aPupilsRequestForHelpReachesTheDslAndForgedOnesAreRefused() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-21");
            JavaProcess agent = startAgent(site, config, site.replayScript("s.txt", HARMLESS), "pupil.three");
            LocalHelpPage page = LocalHelpPage.of(config);

            var html = page.get(page.url());
            assertEquals(200, html.statusCode());
            assertTrue(html.body().contains("0800 1111") && html.body().contains("https://www.ceop.police.uk/Safety-Centre/"));

            URI wrongToken = URI.create(page.origin() + "/not-the-token/ask");
            assertEquals(404, page.post(wrongToken, page.origin(), "kind", "need_help", "words", "forged").statusCode());
            assertEquals(403, page.post(page.url().resolve("ask"), "https://evil.example", "kind", "need_help",
                    "words", "forged from a web page").statusCode());

            var sent = page.post(page.url().resolve("ask"), page.origin(), "kind", "need_help",
                    "words", "someone at the bus stop keeps following me home");
            assertEquals(200, sent.statusCode(), sent.body());

            ConsoleApi api = site.signedInApi("mrs.khan", DSL_PASSWORD);
            XDesktop.await("the request in the console", LIMIT,
                    () -> api.alerts(Map.of("category", "pupil_request")).json().get("total").asInt() > 0);
            JsonNode all = api.alerts(Map.of()).json();
            assertEquals(1, all.get("total").asInt(), "forged requests must raise nothing:\n" + all.toPrettyString());
            JsonNode alert = all.get("alerts").get(0);
            assertEquals("pupil_request", alert.get("category").asText());
            assertEquals(4, alert.get("severity").asInt());
            assertEquals("pupil.three", alert.get("user").asText());
            assertEquals("someone at the bus stop keeps following me home", alert.get("snippet").asText());

            JsonNode device = api.get("/api/devices").json().get("devices").get(0);
            assertTrue(device.get("capabilities").toString().contains("help.page"), device::toPrettyString);
            assertTrue(device.get("unavailable").toString().contains("notice.display"), device::toPrettyString);
            agent.close();
        }
    }

    @Test
    void theFirstAcceptanceOfTheNoticeReachesTheConsoleOnceThroughAnOutageAKillAndRestarts() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            JavaProcess console = site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-22");
            Path script = site.replayScript("s.txt", HARMLESS);
            console.close();

            // Console down: the acceptance is spooled, then the agent dies without a chance to say so.
            JavaProcess offline = startAgent(site, config, script, "pupil.four");
            LocalHelpPage page = LocalHelpPage.of(config);
            assertTrue(page.get(page.url()).body().contains("I understand"), "the notice waits on the page");
            assertEquals(200, page.post(page.url().resolve("accept"), page.origin()).statusCode());
            offline.awaitOutput("notice acceptance raised", LIMIT);
            offline.killHard();

            site.startConsole();
            ConsoleApi api = site.signedInApi("mrs.khan", DSL_PASSWORD);
            for (int run = 0; run < 2; run++) {
                JavaProcess agent = startAgent(site, config, script, "pupil.four");
                agent.awaitOutput("connected to console", LIMIT);
                LocalHelpPage again = LocalHelpPage.of(config);
                assertFalse(again.get(again.url()).body().contains("I understand"), "accepted once is enough");
                assertEquals(200, again.post(again.url().resolve("accept"), again.origin()).statusCode());
                XDesktop.await("the acceptance in the console", LIMIT,
                        () -> api.get("/api/notice-acceptances").json().get("acceptances").size() > 0);
                agent.close();
            }
            JsonNode acceptances = api.get("/api/notice-acceptances?user=pupil.four").json().get("acceptances");
            assertEquals(1, acceptances.size(), acceptances::toPrettyString);
            assertEquals("pupils", acceptances.get(0).get("group").asText());
            assertTrue(acceptances.get(0).get("noticeVersion").asText().startsWith("sha256:"));
            assertFalse(acceptances.get(0).get("acceptedAt").asText().isBlank());
        }
    }
}
