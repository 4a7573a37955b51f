package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed shape (a service and a live session helper on a real X desktop, joined by the real socket)
 * taking changes while both keep running: an edited config file changes what the helper raises (monitored
 * never, then again always, then keyboard capture off), a broken edit keeps the last good settings and is
 * reported; a keyword list published with four eyes in the console reaches the connected helper within 10 s and
 * changes what it matches, and a bundle tampered with in the console's database leaves it on the lists it had.
 * "Nothing raised" is always proved by a later alert: alerts arrive in the order they were raised.
 */
class HelperLiveUpdateIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String ME = System.getProperty("user.name");
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Duration PUSH_LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    /** Under /tmp and 0755 like /run/vigil: the socket and the published lists live here. */
    private Path shared;

    @BeforeEach
    void sharedDirectory() throws Exception {
        List<String> missing = XDesktop.missingTools();
        Assumptions.assumeTrue(missing.isEmpty(), "live helper test skipped: not installed: " + missing
                + " (apt-get install xvfb openbox xdotool xterm x11-utils)");
        shared = Files.createTempDirectory(Path.of("/tmp"), "vigil-live-");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void removeShared() throws Exception {
        if (shared == null) {
            return;
        }
        try (var files = Files.walk(shared)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void editingTheConfigChangesWhatTheConnectedHelperRaisesWithoutARestart() throws Exception {
        try (XDesktop desktop = XDesktop.start(tmp.resolve("logs/x11")); VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", PASSWORD);
            site.addUser("it.tech", "it_provider", PASSWORD);
            Path config = site.enrolAgent("laptop-live-settings");
            Path socket = shared.resolve("run/helper.sock");
            append(config, "helper.socket=" + socket, "helper.grace_seconds=300", "heartbeat.seconds=2",
                    "tamper.repeat_threshold=100", "monitor.pupils=always", "monitor.staff=always",
                    "monitor.guests=always");
            Session s = new Session(site, desktop, socket, config);
            ConsoleApi dsl = site.signedInApi("mrs.khan", PASSWORD);

            s.typeIntoChat("i want to kill myself tonight");
            awaitAlerts(dsl, 1);

            // Nobody monitored: the running helper pauses at once; what is typed now raises nothing.
            append(config, "monitor.pupils=never", "monitor.staff=never", "monitor.guests=never");
            s.helper.awaitOutput("monitoring scope: paused, nothing is captured", LIMIT);
            s.service.awaitOutput("sent the changed school settings to the session helper of '" + ME + "'", LIMIT);
            s.typeWhilePaused("i cut myself again last night");

            // A broken edit changes nothing and IT sees why; the helper stays paused.
            append(config, "monitor.pupils=sometimes");
            s.service.awaitOutput("the changed config is not applied, the last good school settings stay in force",
                    LIMIT);
            ConsoleApi it = site.signedInApi("it.tech", PASSWORD);
            String device = KeywordListPushIT.deviceId(config);
            awaitJson(() -> it.get("/api/devices/" + device).json().get("missing"),
                    m -> m.toString().contains("config.reload") && m.toString().contains("monitor.pupils"));

            // Monitored again: the same helper raises again (and the broken edit's problem is gone).
            append(config, "monitor.pupils=always", "monitor.staff=always", "monitor.guests=always");
            s.helper.awaitOutput("monitoring scope: capturing", LIMIT);
            s.typeIntoChat("someone is threatening to leak my nudes");
            JsonNode alerts = awaitAlerts(dsl, 2);
            assertFalse(alerts.toString().contains("cut myself"), "typed while nobody was monitored:\n" + alerts);
            awaitJson(() -> it.get("/api/devices/" + device).json().get("missing"),
                    m -> !m.toString().contains("config.reload"));

            // Keyboard capture off: the hook goes, typing raises nothing; window titles are still looked at.
            append(config, "capture.keyboard=false");
            s.helper.awaitOutput("keyboard capture switched off by the school", LIMIT);
            s.typeIntoChat("i want to hurt myself so badly");
            desktop.activate(desktop.openWindow("how to self harm - Google Search - Chromium"));
            alerts = awaitAlerts(dsl, 3);
            assertFalse(alerts.toString().contains("hurt myself so badly"), "typed with the keyboard off:\n" + alerts);

            // Neither process was restarted for any of it.
            assertEquals(1, count(s.helper.output(), "connected to the Vigil service"), s.helper::output);
            assertEquals(1, count(s.service.output(), "service for device"), s.service::output);
            assertEquals(1, count(s.service.output(), "session helper connected for user"), s.service::output);
        }
    }

    @Test
    void aListPublishedInTheConsoleReachesTheConnectedHelperAndATamperedOneLeavesItOnTheOldLists()
            throws Exception {
        try (XDesktop desktop = XDesktop.start(tmp.resolve("logs/x11")); VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("it.lee", "it_provider", PASSWORD);
            site.addUser("it.sam", "it_provider", PASSWORD);
            site.addUser("mrs.khan", "dsl", PASSWORD);
            Path config = site.enrolAgent("laptop-live-lists");
            String device = KeywordListPushIT.deviceId(config);
            Path socket = shared.resolve("run/helper.sock");
            append(config, "helper.socket=" + socket, "helper.grace_seconds=300", "heartbeat.seconds=2",
                    "monitor.pupils=always", "monitor.staff=always", "monitor.guests=always");
            Session s = new Session(site, desktop, socket, config);
            ConsoleApi lee = site.signedInApi("it.lee", PASSWORD);
            ConsoleApi dsl = site.signedInApi("mrs.khan", PASSWORD);
            String builtIn = KeywordListPushIT.text(awaitJson(() -> KeywordListPushIT.device(lee, device),
                    d -> !KeywordListPushIT.text(d, "running").isEmpty()), "running");

            s.typeIntoChat("you are a zorblat wibble"); // the jar's lists do not know it

            ConsoleApi.Response proposed = lee.postBytes("/api/keyword-lists?school=provider&reason=new+slang",
                    "application/zip", KeywordListPushIT.providerZip("term bu.e2e-zorblat banned 3 \"zorblat wibble\""));
            assertEquals(201, proposed.status(), proposed.body());
            Instant approved = Instant.now();
            ConsoleApi.Response approval = site.signedInApi("it.sam", PASSWORD).post(
                    "/api/keyword-lists/provider-changes/" + proposed.json().get("id").asText() + "/approve",
                    "application/json", "{}");
            assertEquals(200, approval.status(), approval.body());
            s.helper.awaitOutput("in use (announced by the service)", PUSH_LIMIT);
            assertTrue(Duration.between(approved, Instant.now()).compareTo(PUSH_LIMIT) < 0);
            String published = versionInUse(s.helper.output());
            assertFalse(published.equals(builtIn));
            s.service.awaitOutput("the session helper of '" + ME + "' matches with keyword lists " + published, LIMIT);

            s.typeIntoChat("you are a zorblat wibble");
            JsonNode alerts = awaitAlerts(dsl, 1);
            assertTrue(alerts.toString().contains("bu.e2e-zorblat"), alerts::toPrettyString);
            // The console hears the helper's version: on the lists page and in heartbeats.
            ConsoleApi it = site.signedInApi("it.lee", PASSWORD);
            awaitJson(() -> it.get("/api/devices/" + device).json().get("listVersion"),
                    v -> v.asText().equals(published));
            assertEquals(published, KeywordListPushIT.text(KeywordListPushIT.device(lee, device), "running"));

            // A bundle changed in the console's database: the service refuses it, helpers never hear of it. The
            // service restarts to be sent it again after Hello; its helper goes with it and a new one connects.
            KeywordListPushIT.tamperWithBundle(site);
            s.service.close();
            s.helper.awaitExit(LIMIT);
            s = new Session(site, desktop, socket, config);
            s.service.awaitOutput("enforcing last good keyword lists " + published, LIMIT);
            awaitJson(() -> KeywordListPushIT.device(lee, device),
                    d -> KeywordListPushIT.text(d, "error").contains("bad signature"));
            s.helper.awaitOutput("keyword lists " + published + " in use", LIMIT);
            s.typeIntoChat("such a zorblat wibble again");
            alerts = awaitAlerts(dsl, 2);
            assertEquals(2, count(alerts.toString(), "bu.e2e-zorblat"), alerts::toPrettyString);
            assertEquals(published, KeywordListPushIT.text(KeywordListPushIT.device(lee, device), "running"));
        }
    }

    /** A service and its user's live helper, with a chat window the helper has seen come to the front. */
    private static final class Session {
        final JavaProcess service;
        final JavaProcess helper;
        private final XDesktop desktop;
        private final String chat;
        private final String signIn;

        Session(VigilSite site, XDesktop desktop, Path socket, Path config) {
            this.desktop = desktop;
            service = site.startAgent("service", "--config", config.toString(), "--session-user", ME);
            service.awaitOutput("session helpers connect at", LIMIT);
            helper = site.startAgent(env -> env.put("DISPLAY", desktop.display), "session-helper", "--socket",
                    socket.toString());
            helper.awaitOutput("keyboard hook registered", LIMIT);
            helper.awaitOutput("watching the foreground window", LIMIT);
            service.awaitOutput("session helper connected for user '" + ME + "'", LIMIT);
            chat = desktop.openWindow("Year 9 chat - Discord " + System.nanoTime());
            signIn = desktop.openWindow("Sign in - Google Accounts - Chromium " + System.nanoTime());
        }

        /**
         * Keys typed before the helper has seen which window is in front count as a sign-in window's and are
         * dropped (fail closed), so each line waits until the helper has seen the chat come back to the front.
         */
        void typeIntoChat(String line) {
            desktop.activate(signIn);
            awaitLastState(helper, IN_FRONT, GONE);
            desktop.activate(chat);
            awaitLastState(helper, GONE, IN_FRONT);
            desktop.typeLine(line);
        }

        /** Out of scope the helper looks at no window (so it logs none): the chat is simply brought forward. */
        void typeWhilePaused(String line) {
            desktop.activate(chat);
            desktop.typeLine(line);
        }
    }

    private static final String IN_FRONT = "sign-in or password window in front";
    private static final String GONE = "sign-in window gone";

    /** Waits until the helper's latest word on the sign-in window is {@code state} (logged after {@code other}). */
    private static void awaitLastState(JavaProcess process, String state, String other) {
        Instant deadline = Instant.now().plus(LIMIT);
        while (true) {
            String output = process.output();
            if (output.lastIndexOf(state) > output.lastIndexOf(other)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the helper did not log '" + state + "' last:\n" + output);
            }
            JavaProcess.sleep(100);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    /** The version in the helper's last "keyword lists V in use" line. */
    private static String versionInUse(String output) {
        String marker = "keyword lists ";
        String line = output.lines().filter(l -> l.contains("in use (announced by the service)"))
                .reduce((a, b) -> b).orElseThrow();
        String rest = line.substring(line.indexOf(marker) + marker.length());
        return rest.substring(0, rest.indexOf(' '));
    }

    private static void append(Path config, String... lines) throws Exception {
        // The last value of a key wins, so appending is how a school's IT edits one setting here.
        Files.writeString(config, String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }

    /** Waits for exactly this many alerts (more fails: something was raised that should not have been). */
    private static JsonNode awaitAlerts(ConsoleApi dsl, int count) {
        JsonNode all = awaitJson(() -> dsl.alerts(Map.of()).json(), a -> a.get("total").asInt() >= count);
        assertEquals(count, all.get("total").asInt(), all::toPrettyString);
        return all.get("alerts");
    }

    private static JsonNode awaitJson(Supplier<JsonNode> read, Predicate<JsonNode> done) {
        Instant deadline = Instant.now().plus(LIMIT);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (last != null && done.test(last)) {
                return last;
            }
            JavaProcess.sleep(200);
        }
        throw new AssertionError("the console did not show it within " + LIMIT + "; last answer: " + last);
    }
}
