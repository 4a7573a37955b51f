package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A school that monitors pupils in school hours only, with the school closed all week: a real agent types a
 * disclosure and nothing is captured, nothing reaches the console, and the pupil can still ask for help.
 * (Crossing a boundary while running is shown with a hand-moved clock in ScopeGateTest.)
 */
class MonitoringScopeIT {

    private static final String DSL_PASSWORD = "correct horse battery staple";
    private static final String DISCLOSURE = "0\tDiscord - general\ti just want to kill myself tonight";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void outsideTheSchoolsScopeNothingIsCapturedButHelpStillReachesTheDsl() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-41");
            StringBuilder closed = new StringBuilder("monitor.pupils = school_hours\n");
            for (String day : new String[] {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                    "sunday"}) {
                closed.append("school_hours.").append(day).append(" = closed\n");
            }
            Files.writeString(config, closed, StandardOpenOption.APPEND);

            JavaProcess agent = site.startAgent(env -> env.remove("DISPLAY"), "run", "--config", config.toString(),
                    "--replay", site.replayScript("s.txt", DISCLOSURE).toString(), "--replay-speed", "instant",
                    "--user", "pupil.six");
            agent.awaitOutput("monitoring scope: paused, nothing is captured (group pupils, monitored school_hours)",
                    LIMIT);
            agent.awaitOutput("capture done", LIMIT);
            agent.awaitOutput("connected to console", LIMIT);

            LocalHelpPage page = LocalHelpPage.of(config);
            assertEquals(200, page.post(page.url().resolve("ask"), page.origin(), "kind", "need_help").statusCode());
            ConsoleApi api = site.signedInApi("mrs.khan", DSL_PASSWORD);
            XDesktop.await("the request for help", LIMIT,
                    () -> api.alerts(Map.of()).json().get("total").asInt() > 0);
            agent.close();

            JsonNode all = api.alerts(Map.of()).json();
            assertEquals(1, all.get("total").asInt(), all::toPrettyString);
            assertEquals("pupil_request", all.get("alerts").get(0).get("category").asText());
            assertEquals("I need help", all.get("alerts").get(0).get("snippet").asText());
            assertFalse(agent.output().contains("alert raised suicide"), agent::output);
        }
    }
}
