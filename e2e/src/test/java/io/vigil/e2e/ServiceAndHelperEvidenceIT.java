package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.helper.wire.Frames;
import io.vigil.agent.helper.wire.HelperCodec;
import io.vigil.agent.helper.wire.HelperMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Screenshots and the Get-help page with the agent as two real processes ({@code service} and
 * {@code session-helper} over the service's Unix socket) on a real X display (Xvfb) and a real console:
 * the helper's alert reaches the DSL with the screen the helper captured; a forged helper (raw frames from
 * this test, as the session user) that sends a picture with a sexual-content alert gets the alert through and
 * the picture dropped by the service; and a request on the helper's loopback help page becomes a
 * pupil_request alert for the OS user the kernel vouched for.
 */
class ServiceAndHelperEvidenceIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String DISCLOSURE = "0\tDiscord - general\ti just want to kill myself tonight";
    private static final String ME = System.getProperty("user.name");
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    /** Under /tmp: a Unix socket path must be short, and @TempDir paths can be long. */
    private Path shared;

    @BeforeEach
    void sharedDirectory() throws Exception {
        shared = Files.createTempDirectory(Path.of("/tmp"), "vigil-ev-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterEach
    void removeShared() throws Exception {
        try (var files = Files.walk(shared)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void helperScreenshotsAndHelpRequestsReachTheDslAndAForgedPictureForSexualContentDoesNot() throws Exception {
        List<String> missing = XDesktop.missingTools();
        Assumptions.assumeTrue(missing.isEmpty(), "helper screenshot test skipped: not installed: " + missing
                + " (apt-get install xvfb openbox xdotool xterm x11-utils)");
        try (XDesktop desktop = XDesktop.start(tmp.resolve("logs/x11")); VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", PASSWORD);
            Path config = site.enrolAgent("laptop-51");
            Path socket = shared.resolve("run/helper.sock");
            Files.writeString(config, String.join("\n", "helper.socket=" + socket, "helper.grace_seconds=300",
                    "screenshot.categories=all", "screenshot.min_severity=1", "help.enabled=true", ""),
                    StandardOpenOption.APPEND);
            desktop.openWindow("Discord - general");

            JavaProcess service = site.startAgent(env -> env.remove("DISPLAY"), "service", "--config",
                    config.toString(), "--session-user", ME);
            service.awaitOutput("session helpers connect at", LIMIT);
            Path runtime = Files.createDirectories(shared.resolve("xdg-runtime"));
            JavaProcess helper = site.startAgent(env -> {
                env.put("DISPLAY", desktop.display);
                env.put("XDG_RUNTIME_DIR", runtime.toString());
            }, "session-helper", "--socket", socket.toString(), "--replay",
                    site.replayScript("disclosure.txt", DISCLOSURE).toString());
            service.awaitOutput("session helper connected for user '" + ME + "'", LIMIT);
            helper.awaitOutput("help page listening", LIMIT);

            // 1. The helper's alert arrives with the screen the helper captured, a PNG at most 1280 wide.
            ConsoleApi dsl = site.signedInApi("mrs.khan", PASSWORD);
            JsonNode alert = awaitAlert(dsl, "suicide");
            assertEquals(ME, alert.get("user").asText(), alert::toPrettyString);
            var shot = dsl.getBinary("/api/alerts/" + alert.get("id").asText() + "/screenshot?reason=checking+context");
            assertEquals(200, shot.status(), helper::output);
            assertEquals("image/png", shot.contentType());
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(shot.body()));
            assertEquals(1280, image.getWidth(), "the Xvfb screen is 1280x1024");

            // 2. A forged helper sends a picture with a sexual-content alert: the alert is kept, the picture is not.
            UUID forged = UUID.randomUUID();
            sendForged(socket, forged, png());
            service.awaitOutput("dropped a screenshot from the session helper of '" + ME + "' for alert " + forged
                    + ": the school's screenshot settings allow none", LIMIT);
            JsonNode sexual = awaitAlert(dsl, "sexual_content");
            assertEquals(404, dsl.getBinary("/api/alerts/" + sexual.get("id").asText()
                    + "/screenshot?reason=checking+context").status(), "a sexual_content alert never has a screenshot");

            // 3. The helper's help page: a cross-site post is refused, the pupil's own request reaches the DSL
            // as the OS user the kernel vouched for (the helper's message names no user).
            LocalHelpPage page = LocalHelpPage.fromFile(runtime.resolve("vigil/help-page.url"));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(runtime.resolve("vigil/help-page.url"))));
            assertEquals(403, page.post(page.url().resolve("ask"), "https://evil.example", "kind", "need_help",
                    "words", "forged from a web page").statusCode());
            var sent = page.post(page.url().resolve("ask"), page.origin(), "kind", "report",
                    "words", "an older boy keeps messaging me");
            assertEquals(200, sent.statusCode(), sent.body());
            JsonNode asked = awaitAlert(dsl, "pupil_request");
            assertEquals(ME, asked.get("user").asText(), asked::toPrettyString);
            assertEquals("an older boy keeps messaging me", asked.get("snippet").asText());
            JsonNode all = dsl.alerts(Map.of("category", "pupil_request")).json();
            assertEquals(1, all.get("total").asInt(), "the cross-site post raised nothing:\n" + all.toPrettyString());
        }
    }

    /** Hello as the session user (the kernel agrees: it is this test's uid), a picture, the alert, Goodbye. */
    private static void sendForged(Path socket, UUID uuid, byte[] png) throws Exception {
        try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(socket));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(raw));
            DataInputStream in = new DataInputStream(Channels.newInputStream(raw));
            Frames.write(out, HelperCodec.encode(new HelperMessage.Hello(HelperCodec.VERSION, ME)));
            assertTrue(HelperCodec.decode(Frames.read(in)) instanceof HelperMessage.Accepted);
            assertTrue(HelperCodec.decode(Frames.read(in)) instanceof HelperMessage.Settings);
            Frames.write(out, HelperCodec.encode(new HelperMessage.EvidenceStart(uuid.toString(), "image/png", 64, 48,
                    png.length, 1)));
            Frames.write(out, HelperCodec.encode(new HelperMessage.EvidenceChunk(uuid.toString(), 0, png)));
            Frames.write(out, HelperCodec.encode(new HelperMessage.MatchedAlert(uuid.toString(), "sexual_content", 4,
                    10, List.of("forged"), "a forged sexual-content alert", "xterm", "Discord - general", "",
                    System.currentTimeMillis(), "keyboard", "", "en")));
            Frames.write(out, HelperCodec.encode(new HelperMessage.Goodbye()));
        }
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", bytes);
        return bytes.toByteArray();
    }

    private static JsonNode awaitAlert(ConsoleApi dsl, String category) {
        JsonNode[] found = new JsonNode[1];
        XDesktop.await("a " + category + " alert in the console", LIMIT, () -> {
            JsonNode alerts = dsl.alerts(Map.of("category", category)).json().get("alerts");
            found[0] = alerts != null && alerts.size() > 0 ? alerts.get(0) : null;
            return found[0] != null;
        });
        return found[0];
    }
}
