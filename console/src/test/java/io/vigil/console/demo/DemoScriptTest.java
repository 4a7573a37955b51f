package io.vigil.console.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped demo session follows the agent's replay format and raises the worrying lines early. */
class DemoScriptTest {

    /**
     * Mean of the agent's human typing speed (40-120 ms per character, uniformly drawn); over the ~170
     * characters of the four lines the sum stays very close to the mean.
     */
    private static final int MEAN_KEY_MS = 80;

    record Step(long delayMs, String window, String text) {
    }

    private static List<Step> steps() throws Exception {
        try (InputStream in = DemoAgent.class.getResourceAsStream(DemoAgent.SCRIPT_RESOURCE)) {
            assertNotNull(in, "script is on the classpath");
            List<Step> steps = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 3);
                assertEquals(3, fields.length, "DELAY_MS<TAB>WINDOW_TITLE<TAB>TEXT: " + line);
                assertTrue(fields[0].matches("\\d+"), line);
                assertTrue(!fields[1].isBlank(), line);
                steps.add(new Step(Long.parseLong(fields[0]), fields[1], fields[2]));
            }
            return steps;
        }
    }

    @Test
    void theFourWorryingLinesAreTypedWithinSeventeenSecondsLeavingTimeToAlert() throws Exception {
        List<String> worrying = List.of("i just want to kill myself tonight",
                "how do i cut myself without anyone noticing", "how to get around the school filter with a vpn",
                "dont tell anyone we talk ok its our secret");
        long elapsed = 0;
        List<String> seen = new ArrayList<>();
        for (Step step : steps()) {
            elapsed += step.delayMs() + (long) step.text().length() * MEAN_KEY_MS;
            if (worrying.contains(step.text())) {
                seen.add(step.text());
                assertTrue(elapsed < 17_000, step.text() + " finished at " + elapsed + " ms");
            }
        }
        assertEquals(worrying, seen);
    }

    @Test
    void theSessionLastsAboutTwoMinutesAndIsMostlyHarmless() throws Exception {
        List<Step> steps = steps();
        long total = steps.stream().mapToLong(s -> s.delayMs() + s.text().length() * 80L).sum();
        assertTrue(total > 90_000 && total < 200_000, total + " ms");
        assertTrue(steps.size() > 20);
    }

    @Test
    void agentJarIsFoundBesideTheConsoleJarThenInADevCheckout(@TempDir Path root) throws Exception {
        Path consoleTarget = Files.createDirectories(root.resolve("console/target"));
        Path devAgent = Files.createDirectories(root.resolve("agent/target")).resolve("vigil-agent.jar");
        Files.writeString(devAgent, "jar");
        assertEquals(devAgent, AgentJarLocator.locate(java.util.Optional.empty(), consoleTarget));
        Path beside = Files.writeString(consoleTarget.resolve("vigil-agent.jar"), "jar");
        assertEquals(beside, AgentJarLocator.locate(java.util.Optional.empty(), consoleTarget));
    }
}
