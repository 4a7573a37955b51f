package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent as two real processes against a real console: {@code vigil-agent service} (root in production;
 * this test's user here) and {@code vigil-agent session-helper} joined by the service's Unix domain socket.
 * The helper's matched alert reaches the DSL; a helper running under another uid (nobody, through setpriv) is
 * refused and the service logs why; a kill -9 of the helper, an edited config file and a changed DNS setting
 * each reach the IT role as a tamper event; the third within a day also raises a filter_bypass alert for the DSL.
 */
class ServiceAndHelperIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String DISCLOSURE = "0\tDiscord - general\ti just want to kill myself tonight";
    private static final String ME = System.getProperty("user.name");

    @TempDir
    Path tmp;

    /** Under /tmp and 0755, so a helper running as nobody can reach the socket and be refused by the service. */
    private Path shared;

    @BeforeEach
    void sharedDirectory() throws Exception {
        shared = Files.createTempDirectory(Path.of("/tmp"), "vigil-it-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeShared() throws Exception {
        try (var files = Files.walk(shared)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void helperAlertsArriveStrangersAreRefusedAndTamperingIsReported() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", PASSWORD);
            site.addUser("it.tech", "it_provider", PASSWORD);
            Path config = site.enrolAgent("laptop-41");
            Path socket = shared.resolve("run/helper.sock");
            Path resolv = Files.writeString(tmp.resolve("resolv.conf"), "nameserver 127.0.0.53\n");
            Files.writeString(config, String.join("\n", "helper.socket=" + socket, "helper.grace_seconds=300",
                    "tamper.dns_paths=" + resolv, "tamper.repeat_threshold=3", "heartbeat.seconds=2", ""),
                    StandardOpenOption.APPEND); // the last value of a key wins: heartbeats every 2 s, not 30

            JavaProcess service = site.startAgent("service", "--config", config.toString(), "--session-user", ME);
            service.awaitOutput("session helpers connect at", Duration.ofSeconds(90));

            // The session user's own helper: accepted, and what it matched reaches the DSL as that user.
            JavaProcess helper = site.startAgent("session-helper", "--socket", socket.toString(), "--replay",
                    site.replayScript("disclosure.txt", DISCLOSURE).toString());
            service.awaitOutput("session helper connected for user '" + ME + "'", Duration.ofSeconds(90));
            ConsoleApi dsl = site.signedInApi("mrs.khan", PASSWORD);
            JsonNode alert = awaitJson(() -> dsl.alerts(Map.of()).json().get("alerts"), a -> a.size() == 1).get(0);
            assertEquals("suicide", alert.get("category").asText(), alert::toPrettyString);
            assertEquals(ME, alert.get("user").asText());

            strangerIsRefused(site, socket, service);

            // kill -9: the helper cannot say goodbye, so the service reports it.
            helper.killHard();
            ConsoleApi it = site.signedInApi("it.tech", PASSWORD);
            awaitTamper(it, "helper_stopped");
            // ... and the device list says capture is gone, in words, from the next heartbeat on.
            JsonNode missing = awaitJson(() -> it.get("/api/devices").json().get("devices").get(0).get("unavailable"),
                    u -> u.toString().contains("\"helper.session\""));
            assertTrue(missing.toString().contains("stopped without saying goodbye"), missing::toPrettyString);
            Files.writeString(config, "# edited by hand\n", StandardOpenOption.APPEND);
            awaitTamper(it, "config_changed");
            Files.writeString(resolv, "nameserver 1.1.1.1\n");
            JsonNode events = awaitTamper(it, "dns_changed");
            assertEquals(3, events.size(), events::toPrettyString);

            JsonNode device = it.get("/api/devices").json().get("devices").get(0);
            assertEquals(3, device.get("tamperEvents24h").asInt(), device::toPrettyString);
            assertTrue(device.get("problems").toString().contains("3 tamper events in the last 24 h"),
                    device::toPrettyString);

            // Three in a day is a safeguarding signal too: one filter_bypass alert, with no pupil words.
            JsonNode bypass = awaitJson(() -> dsl.alerts(Map.of("category", "filter_bypass")).json().get("alerts"),
                    a -> a.size() == 1).get(0);
            assertEquals(3, bypass.get("severity").asInt());
            assertTrue(bypass.get("snippet").asText().startsWith("Monitoring on this device was tampered with 3 times"),
                    bypass::toPrettyString);
            assertEquals(403, it.get("/api/alerts").status(), "the IT role never reads alerts");
        }
    }

    /**
     * The school's scope reaches the helper over the socket: with every group monitored {@code never} in the
     * service's config (which the helper, as the pupil, cannot read), the same replayed disclosure that raises
     * an alert in the test above raises none. "Nothing" is proved by a later positive signal: the helper is
     * stopped (which finishes and hands over any line it held, before its Goodbye), then the config is edited,
     * and once that tamper event is on the console, anything the helper had sent would be there before it.
     */
    @Test
    void aServiceWhoseSchoolMonitorsNobodyMakesTheHelperRaiseNothing() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", PASSWORD);
            site.addUser("it.tech", "it_provider", PASSWORD);
            Path config = site.enrolAgent("laptop-42");
            Path socket = shared.resolve("run/helper.sock");
            Path resolv = Files.writeString(tmp.resolve("resolv.conf"), "nameserver 127.0.0.53\n");
            // Whatever group this test's user falls in (pupils unless its OS groups say staff or guests).
            Files.writeString(config, String.join("\n", "helper.socket=" + socket, "helper.grace_seconds=300",
                    "tamper.dns_paths=" + resolv, "heartbeat.seconds=2", "monitor.pupils=never", "monitor.staff=never",
                    "monitor.guests=never", ""), StandardOpenOption.APPEND);

            JavaProcess service = site.startAgent("service", "--config", config.toString(), "--session-user", ME);
            service.awaitOutput("session helpers connect at", Duration.ofSeconds(90));
            JavaProcess helper = site.startAgent("session-helper", "--socket", socket.toString(), "--replay",
                    site.replayScript("disclosure.txt", DISCLOSURE).toString());
            service.awaitOutput("session helper connected for user '" + ME + "'", Duration.ofSeconds(90));
            helper.awaitOutput("monitoring scope: paused, nothing is captured", Duration.ofSeconds(90));
            assertTrue(helper.output().contains("monitored never)"), helper::output);
            helper.awaitOutput("replay finished", Duration.ofSeconds(90));
            helper.close(); // SIGTERM: the helper flushes what it holds, says goodbye, exits
            service.awaitOutput("session helper of '" + ME + "' stopped (said goodbye)", Duration.ofMinutes(2));

            Files.writeString(config, "# edited by hand\n", StandardOpenOption.APPEND);
            awaitTamper(site.signedInApi("it.tech", PASSWORD), "config_changed");
            JsonNode alerts = site.signedInApi("mrs.khan", PASSWORD).alerts(Map.of()).json();
            assertEquals(0, alerts.get("total").asInt(), alerts::toPrettyString);
        }
    }

    /** A helper under another uid reaches the socket (0666) and is turned away by the peer credential check. */
    private void strangerIsRefused(VigilSite site, Path socket, JavaProcess service) {
        Optional<List<String>> asNobody = asNobody();
        Assumptions.assumeTrue(asNobody.isPresent() && ME.equals("root"),
                "needs root and setpriv or runuser to run a helper as another uid (CI runs as root)");
        JavaProcess stranger = JavaProcess.start(VigilSite.AGENT_JAR, tmp.resolve("logs/stranger-helper.log"),
                asNobody.get(), List.of("session-helper", "--socket", socket.toString()));
        assertEquals(1, stranger.awaitExit(Duration.ofSeconds(90)), stranger::output);
        assertTrue(stranger.output().contains("the Vigil service refused this session helper"), stranger::output);
        service.awaitOutput("refused a session helper from user 'nobody'", Duration.ofMinutes(2));
    }

    private static Optional<List<String>> asNobody() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, "setpriv"))) {
                return Optional.of(List.of(dir + "/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
            }
            if (Files.isExecutable(Path.of(dir, "runuser"))) {
                return Optional.of(List.of(dir + "/runuser", "-u", "nobody", "--"));
            }
        }
        return Optional.empty();
    }

    private static JsonNode awaitTamper(ConsoleApi it, String kind) {
        return awaitJson(() -> it.get("/api/tamper-events").json().get("tamperEvents"), events -> {
            for (JsonNode e : events) {
                if (e.get("kind").asText().equals(kind)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Polls the console until the answer satisfies the condition: a signal from the system, not a fixed wait. */
    private static JsonNode awaitJson(java.util.function.Supplier<JsonNode> read, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (last != null && done.test(last)) {
                return last;
            }
            JavaProcess.sleep(200);
        }
        throw new AssertionError("the console did not show it within 90 s; last answer: " + last);
    }
}
