package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: `demo` must show a DSL real alerts from a real agent within seconds. */
class DemoIT {

    private static final Pattern PASSWORD = Pattern.compile("(?i)password:\\s*(\\S+)");

    @TempDir
    Path tmp;

    @Test
    void demoShowsAlertsFromItsReplayingAgentWithinSeconds() {
        int https = FreePort.pick();
        int grpc = FreePort.pick();
        try (JavaProcess demo = JavaProcess.start(VigilSite.CONSOLE_JAR, tmp.resolve("demo.log"),
                "demo", "--data", tmp.resolve("demo-data").toString(),
                "--http-port", String.valueOf(https), "--grpc-port", String.valueOf(grpc))) {
            demo.awaitOutput("https://", Duration.ofSeconds(90));
            Matcher password = PASSWORD.matcher(waitFor(demo, PASSWORD));
            assertTrue(password.find());

            ConsoleApi api = new ConsoleApi(https, fingerprintFrom(tmp.resolve("demo-data")));
            // A person types the code from an app set up with the printed secret; the test is that app.
            Pattern secretLine = Pattern.compile("Authenticator app secret \\(shown only now\\): ([A-Z2-7]+)");
            Matcher secret = secretLine.matcher(waitFor(demo, secretLine));
            assertTrue(secret.find(), demo.output());
            Authenticator phone = new Authenticator();
            phone.remember("dsl", secret.group(1));
            assertEquals(204, api.signIn("dsl", password.group(1), phone.code("dsl")).status(), demo.output());

            // A hang guard, not the expected time (seconds on a quiet machine): the first serious alert ends it.
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            JsonNode found;
            do {
                JavaProcess.sleep(1000);
                found = api.alerts(Map.of("minSeverity", "4")).json();
            } while (found.get("total").asInt() == 0 && Instant.now().isBefore(deadline));
            assertTrue(found.get("total").asInt() > 0, "no serious alert within 3 min:\n" + demo.output());
            assertEquals("demo.pupil", found.get("alerts").get(0).get("user").asText());
        }
    }

    private static String waitFor(JavaProcess process, Pattern pattern) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2)); // a hang guard; the printed line ends it
        while (Instant.now().isBefore(deadline)) {
            if (pattern.matcher(process.output()).find()) {
                return process.output();
            }
            JavaProcess.sleep(200);
        }
        throw new AssertionError("demo printed no password:\n" + process.output());
    }

    private static String fingerprintFrom(Path data) {
        JavaProcess.Result result = JavaProcess.run(VigilSite.CONSOLE_JAR, data.resolveSibling("fingerprint.log"),
                null, VigilSite.COMMAND_LIMIT, "fingerprint", "--data", data.toString());
        assertEquals(0, result.exitCode(), result.output());
        String[] lines = result.output().strip().split("\\R");
        return lines[lines.length - 1].strip();
    }
}
