package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A screen locker that takes the keyboard without ever becoming the active window (what i3lock, slock and
 * xsecurelock do): the keyboard hook still hears every key of the unlock password, so the agent must notice
 * the grab and keep nothing typed until it ends. The locker here is a real X client holding a real grab
 * (src/test/resources/FakeLocker.java); the keys are real XTEST events from xdotool.
 */
class ScreenLockIT {

    private static final String DSL_PASSWORD = "correct horse battery staple";
    /** Typed while "locked": must appear nowhere. Plain letters, so it is not masked as a secret token. */
    private static final String UNLOCK_PASSWORD = "zebracrossinglantern";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    @Test
    void nothingTypedWhileALockerHoldsTheKeyboardIsKeptAndCaptureResumesAfter() throws Exception {
        List<String> missing = XDesktop.missingTools();
        Assumptions.assumeTrue(missing.isEmpty(), "screen lock test skipped: not installed: " + missing
                + " (apt-get install xvfb openbox xdotool xterm x11-utils)");
        try (XDesktop desktop = XDesktop.start(tmp.resolve("logs/x11")); VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-lock");
            String notes = desktop.openWindow("Homework notes - Mousepad");
            JavaProcess agent = site.startAgent(env -> env.put("DISPLAY", desktop.display),
                    "run", "--config", config.toString());
            agent.awaitOutput("screen lock checks: X11 keyboard grab", Duration.ofSeconds(60));
            agent.awaitOutput("keyboard hook registered", Duration.ofSeconds(60));
            agent.awaitOutput("connected to console", Duration.ofSeconds(60));
            desktop.activate(notes);
            ConsoleApi dsl = site.signedInApi("mrs.khan", DSL_PASSWORD);

            desktop.typeLine("i cut myself again last night");
            awaitAlert(dsl, "self_harm");

            Process locker = startLocker(desktop.display, tmp.resolve("logs/locker.log"));
            try {
                XDesktop.await("the locker to hold the keyboard", LIMIT, () -> read(tmp.resolve("logs/locker.log"))
                        .contains("grab 0"));
                agent.awaitOutput("holds the keyboard", LIMIT);
                assertEquals(notes, desktop.run("xdotool", "getactivewindow").strip(),
                        "the locker must not have become the active window: that is the case under test");
                desktop.typeLine("i want to kill myself " + UNLOCK_PASSWORD);
            } finally {
                locker.destroy();
                locker.waitFor();
            }
            agent.awaitOutput("screen unlocked", LIMIT);

            desktop.activate(notes);
            desktop.typeLine("someone is threatening to leak my nudes");
            awaitAlert(dsl, "sexual_content", "sexting");

            for (JsonNode alert : dsl.alerts(Map.of()).json().get("alerts")) {
                assertFalse(alert.get("category").asText().equals("suicide"), alert::toPrettyString);
                assertFalse(alert.toString().contains(UNLOCK_PASSWORD), alert::toPrettyString);
            }
            agent.close(); // flushes anything held, so the search below sees the agent's last word
            assertEquals(List.of(), filesContaining(tmp, UNLOCK_PASSWORD),
                    "text typed while the keyboard was grabbed was kept (spool, logs, console database or index)");
            assertTrue(agent.output().contains("typed text is ignored until it ends"), agent::output);
        }
    }

    /** The fake locker in source-file mode, with the JNA jars the agent ships with. */
    private static Process startLocker(String display, Path log) throws IOException, URISyntaxException {
        Path source = Path.of(ScreenLockIT.class.getResource("/FakeLocker.java").toURI());
        Path lib = VigilSite.AGENT_JAR.getParent().resolve("lib");
        List<String> classpath = new ArrayList<>();
        try (Stream<Path> jars = Files.list(lib)) {
            jars.filter(j -> j.getFileName().toString().startsWith("jna")).forEach(j -> classpath.add(j.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(JavaProcess.javaExecutable(), "--enable-native-access=ALL-UNNAMED",
                "-cp", String.join(java.io.File.pathSeparator, classpath), source.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DISPLAY", display);
        return pb.start();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitAlert(ConsoleApi api, String... categories) {
        XDesktop.await(List.of(categories) + " alert", LIMIT, () -> {
            for (String category : categories) {
                if (api.alerts(Map.of("category", category)).json().get("alerts").size() > 0) {
                    return true;
                }
            }
            return false;
        });
    }

    private static List<Path> filesContaining(Path root, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    return content.contains(new String(needle, StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
