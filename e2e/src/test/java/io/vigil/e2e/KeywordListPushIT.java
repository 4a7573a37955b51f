package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.format.ListSources;
import io.vigil.keywords.format.SourceFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyword lists published from the console to a real agent over TLS on loopback: an invalid upload is refused
 * with file:line; the requester cannot approve their own change; a provider change approved by a second IT
 * provider and a school's own words approved by the DSL reach the connected agent within 10 s and change what
 * it matches (a term replayed before publishing raises nothing, the same term afterwards raises an alert, also
 * after a restart); an emergency block goes live at once and waits for review; a rollback (four eyes) restores
 * the earlier version; a bundle changed in the database and one signed by a key the agent never pinned are
 * refused and the refusal is shown per device.
 */
class KeywordListPushIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final String IDLE = "0\tGoogle Docs - History homework\tthe battle of hastings was in 1066";
    private static final String NEW_TERMS = "0\tDiscord - general\tyou are a zorblat wibble\n"
            + "0\tDiscord - general\tsuch a snarkle pop today";
    /**
     * A hang guard for a change to reach the connected agent, not the expected time. What the test holds is
     * that it came by push over the session already open (see {@link #assertPushedOverOpenSession}): without a
     * push the agent would get it only after reconnecting. A 10 s clock here failed on a loaded CI machine.
     */
    private static final Duration PUSH_PATIENCE = Duration.ofMinutes(2);
    private static final String CONNECTED = "connected to console";

    @TempDir
    Path tmp;

    @Test
    void listsPublishedWithFourEyesReachTheAgentAndChangeWhatItMatches() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("it.lee", "it_provider", PASSWORD);
            site.addUser("it.sam", "it_provider", PASSWORD);
            site.addUser("mrs.khan", "dsl", PASSWORD);
            Path config = site.enrolAgent("laptop-1");
            String device = deviceId(config);
            ConsoleApi lee = site.signedInApi("it.lee", PASSWORD);
            ConsoleApi sam = site.signedInApi("it.sam", PASSWORD);
            ConsoleApi dsl = site.signedInApi("mrs.khan", PASSWORD);

            // Before: the new terms mean nothing to the built-in lists.
            Path terms = site.replayScript("terms.txt", NEW_TERMS);
            site.succeed(site.agent("run", "--config", config.toString(), "--replay", terms.toString(),
                    "--replay-speed", "instant", "--exit-when-idle", "--user", "pupil.one"));
            assertEquals(0, dsl.alerts(Map.of()).json().get("total").asInt(), "the new terms alerted before publishing");

            JavaProcess agent = runAgent(site, config, site.replayScript("idle.txt", IDLE));
            agent.awaitOutput("connected to console", Duration.ofSeconds(60));
            String builtIn = awaitDevice(lee, device, d -> !text(d, "running").isEmpty(), Duration.ofSeconds(60),
                    "the device's Hello to be recorded").get("running").asText();

            // Refused with every problem located; nothing stored.
            ConsoleApi.Response refused = lee.postBytes("/api/keyword-lists?school=provider&reason=typo",
                    "application/zip", providerZip("term bu.e2e-bad banned 9 \"oops\""));
            assertEquals(422, refused.status(), refused.body());
            assertTrue(refused.json().get("problems").toString().contains("bullying.vkl:"), refused.body());
            // Over the archive's limit: refused with the limit named. The console reads the rest of the body
            // before it answers, so the client gets the refusal rather than a reset connection.
            ConsoleApi.Response tooBig = lee.postBytes("/api/keyword-lists?school=provider&reason=too+big",
                    "application/zip", new byte[3 * 1024 * 1024]);
            assertEquals(422, tooBig.status(), tooBig.body());
            assertTrue(tooBig.body().contains("more than 2097152 bytes"), tooBig.body());
            assertEquals(0, lee.get("/api/keyword-lists").json().get("changes").size());

            // Provider-wide: proposed by one IT provider, refused to them, approved by a second.
            ConsoleApi.Response proposed = lee.postBytes("/api/keyword-lists?school=provider&reason=new+slang",
                    "application/zip", providerZip("term bu.e2e-zorblat banned 3 \"zorblat wibble\""));
            assertEquals(201, proposed.status(), proposed.body());
            JsonNode change = proposed.json();
            assertEquals("pending", change.get("status").asText());
            assertEquals("bu.e2e-zorblat", change.get("diff").get("entries").get(0).get("ruleId").asText());
            String providerChange = change.get("id").asText();
            ConsoleApi.Response own = lee.post("/api/keyword-lists/provider-changes/" + providerChange + "/approve",
                    "application/json", "{}");
            assertEquals(409, own.status(), own.body());
            assertTrue(own.body().contains("another person"), own.body());
            String afterProvider = approveAndAwait(sam, "/api/keyword-lists/provider-changes/", providerChange, lee,
                    device, builtIn, agent);
            agent.awaitOutput("applied keyword lists " + afterProvider, PUSH_PATIENCE);

            // A school's own words: proposed by IT, decided by a leader of the school (not by IT).
            ConsoleApi.Response words = lee.postBytes("/api/keyword-lists?school=1&reason=local+slang",
                    "application/zip", zip(List.of(new SourceFile("bullying.vkl",
                            "term sch.e2e-snarkle banned 2 \"snarkle pop\"\n"))));
            assertEquals(201, words.status(), words.body());
            String schoolChange = words.json().get("id").asText();
            assertEquals(403, sam.post("/api/keyword-lists/changes/" + schoolChange + "/approve", "application/json",
                    "{}").status());
            String afterSchool = approveAndAwait(dsl, "/api/keyword-lists/changes/", schoolChange, lee, device,
                    afterProvider, agent);

            // Afterwards (and after a restart: the last good bundle is loaded before the built-in lists).
            agent.close();
            site.succeed(site.agent("run", "--config", config.toString(), "--replay", terms.toString(),
                    "--replay-speed", "instant", "--exit-when-idle", "--user", "pupil.one"));
            JsonNode alerts = awaitAlerts(dsl, 2);
            assertTrue(alerts.toString().contains("bu.e2e-zorblat"), alerts::toPrettyString);
            assertTrue(alerts.toString().contains("sch.e2e-snarkle"), alerts::toPrettyString);

            // Emergency block: live at once, marked, due for review.
            agent = runAgent(site, config, site.replayScript("idle2.txt", IDLE));
            agent.awaitOutput("enforcing last good keyword lists " + afterSchool, Duration.ofSeconds(60));
            agent.awaitOutput("connected to console", Duration.ofSeconds(60));
            int sessions = agent.timesPrinted(CONNECTED);
            ConsoleApi.Response emergency = lee.post("/api/keyword-lists/emergency", "application/json",
                    "{\"school\":\"provider\",\"category\":\"violence_weapons\",\"term\":\"flimflam quux\","
                            + "\"severity\":4,\"reason\":\"viral threat this morning\"}");
            assertEquals(201, emergency.status(), emergency.body());
            assertEquals("live", emergency.json().get("status").asText());
            assertEquals("emergency", emergency.json().get("action").asText());
            assertTrue(emergency.json().hasNonNull("reviewDue"), emergency.body());
            String afterEmergency = awaitDevice(lee, device, d -> !text(d, "running").equals(afterSchool),
                    PUSH_PATIENCE, "the emergency block to reach the device").get("running").asText();
            assertPushedOverOpenSession(agent, sessions, afterEmergency);

            // Rollback to the provider change: four eyes again, and the device runs the earlier version.
            ConsoleApi.Response rollback = lee.post("/api/keyword-lists/rollback/" + providerChange,
                    "application/json", "{\"reason\":\"block no longer needed\"}");
            assertEquals(201, rollback.status(), rollback.body());
            assertEquals("rollback", rollback.json().get("action").asText());
            String rolledBack = approveAndAwait(sam, "/api/keyword-lists/provider-changes/",
                    rollback.json().get("id").asText(), lee, device, afterEmergency, agent);
            assertEquals(afterSchool, rolledBack, "rollback restores provider change + school words");

            // The change log leaders and governors read names requester, approver and reason.
            JsonNode log = dsl.get("/api/keyword-lists/changes").json().get("changes");
            assertEquals(4, log.size(), log::toPrettyString);
            assertTrue(log.toString().contains("\"decidedBy\":\"it.sam\"") && log.toString().contains("new slang"),
                    log::toPrettyString);

            // The pages: an upload form refusing with file:line, and the change log leaders read.
            String boundary = "----vigil" + System.nanoTime();
            ConsoleApi.Response page = lee.postBytes("/keyword-lists", "multipart/form-data; boundary=" + boundary,
                    multipart(boundary, providerZip("term bu.e2e-bad banned 9 \"oops\"")));
            assertEquals(422, page.status(), page.body());
            assertTrue(page.body().contains("Lists refused") && page.body().contains("bullying.vkl:"), page.body());
            ConsoleApi.Response leaders = dsl.get("/keyword-lists/changes");
            assertEquals(200, leaders.status());
            assertTrue(leaders.body().contains("Requested by it.lee") && leaders.body().contains("Emergency change"),
                    leaders.body());

            // A bundle changed in the database without the key is refused and reported.
            agent.close();
            tamperWithBundle(site);
            agent = runAgent(site, config, site.replayScript("idle3.txt", IDLE));
            awaitDevice(lee, device, d -> text(d, "error").contains("bad signature"), Duration.ofSeconds(60),
                    "the agent to refuse the tampered bundle");
            assertEquals(afterSchool, text(device(lee, device), "running"), "the last good lists stay in force");

            // A console key the agent never pinned: refused too.
            agent.close();
            site.close();
            Files.move(site.data.resolve("signing"), site.data.resolve("signing.old"));
            site.startConsole();
            agent = runAgent(site, config, site.replayScript("idle4.txt", IDLE));
            agent.awaitOutput("connected to console", Duration.ofSeconds(60));
            lee = site.signedInApi("it.lee", PASSWORD);
            ConsoleApi.Response strange = lee.postBytes("/api/keyword-lists?school=provider&reason=new+key",
                    "application/zip", providerZip("term bu.e2e-zorblat banned 3 \"zorblat wibble\"\n"
                            + "term bu.e2e-other banned 3 \"other thing\""));
            assertEquals(201, strange.status(), strange.body());
            assertEquals(200, site.signedInApi("it.sam", PASSWORD).post("/api/keyword-lists/provider-changes/"
                    + strange.json().get("id").asText() + "/approve", "application/json", "{}").status());
            awaitDevice(lee, device, d -> text(d, "error").contains("unknown key"), PUSH_PATIENCE,
                    "the agent to refuse a bundle signed by an unpinned key");
            assertEquals(afterSchool, text(device(lee, device), "running"));
        }
    }

    /** Approves, then waits for the connected agent to run something new, pushed to it; returns that version. */
    private static String approveAndAwait(ConsoleApi approver, String route, String id, ConsoleApi it, String device,
                                          String before, JavaProcess agent) {
        int sessions = agent.timesPrinted(CONNECTED);
        ConsoleApi.Response approved = approver.post(route + id + "/approve", "application/json", "{}");
        assertEquals(200, approved.status(), approved.body());
        assertEquals("live", approved.json().get("status").asText());
        String running = awaitDevice(it, device, d -> !text(d, "running").equals(before) && text(d, "error").isEmpty(),
                PUSH_PATIENCE, "the connected agent to apply change " + id).get("running").asText();
        assertPushedOverOpenSession(agent, sessions, running);
        return running;
    }

    /**
     * The agent applied the version before it next connected (if it did at all): the console pushed it over the
     * session that was open, rather than the agent picking it up after a reconnect.
     */
    private static void assertPushedOverOpenSession(JavaProcess agent, int sessionsBefore, String version) {
        String applied = "applied keyword lists " + version;
        agent.awaitOutput(applied, PUSH_PATIENCE);
        assertTrue(agent.printedBeforeNth(applied, CONNECTED, sessionsBefore + 1),
                "the agent got " + version + " only after reconnecting, not as a push:\n" + agent.output());
    }

    private static byte[] multipart(String boundary, byte[] zip) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"school\"\r\n\r\nprovider\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"reason\"\r\n\r\ntypo\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"zip\"; filename=\"lists.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static byte[] providerZip(String extraBullyingLine) throws Exception {
        List<SourceFile> files = ListSources.fromClasspath(KeywordEngine.class.getClassLoader(),
                KeywordEngine.BUNDLED_LISTS).stream()
                .map(f -> f.name().equals("bullying.vkl") ? new SourceFile(f.name(), f.text() + extraBullyingLine + "\n")
                        : f).toList();
        return zip(files);
    }

    static byte[] zip(List<SourceFile> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (SourceFile f : files) {
                zip.putNextEntry(new ZipEntry("lists/" + f.name()));
                zip.write(f.text().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static JavaProcess runAgent(VigilSite site, Path config, Path script) {
        return site.startAgent("run", "--config", config.toString(), "--replay", script.toString(),
                "--replay-speed", "instant", "--user", "pupil.one");
    }

    static String deviceId(Path config) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(config)) {
            p.load(in);
        }
        return p.getProperty("device.id");
    }

    static JsonNode device(ConsoleApi api, String id) {
        for (JsonNode d : api.get("/api/keyword-lists/devices").json()) {
            if (d.get("deviceId").asText().equals(id)) {
                return d;
            }
        }
        return api.get("/api/keyword-lists/devices").json().path("missing");
    }

    static String text(JsonNode device, String field) {
        JsonNode value = device.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static JsonNode awaitDevice(ConsoleApi api, String id, Predicate<JsonNode> condition, Duration limit,
                                        String what) {
        Instant deadline = Instant.now().plus(limit);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = device(api, id);
            if (condition.test(last)) {
                return last;
            }
            JavaProcess.sleep(100);
        }
        throw new AssertionError("waited " + limit + " for " + what + "; device is now " + last);
    }

    private static JsonNode awaitAlerts(ConsoleApi dsl, int count) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2)); // a hang guard; the count ends it
        JsonNode all = null;
        while (Instant.now().isBefore(deadline)) {
            all = dsl.alerts(Map.of()).json();
            if (all.get("total").asInt() >= count) {
                assertEquals(count, all.get("total").asInt(), all::toPrettyString);
                return all.get("alerts");
            }
            JavaProcess.sleep(100);
        }
        throw new AssertionError("expected " + count + " alerts; now " + all);
    }

    /** Replaces the live bundle's bytes (and its version label) in H2, keeping the old signature. */
    static void tamperWithBundle(VigilSite site) throws Exception {
        String password = Files.readString(site.data.resolve("database.secret"), StandardCharsets.UTF_8).strip();
        String url = "jdbc:h2:file:" + site.data.resolve("console").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        String sql = "update school_keyword_bundles set bundle = X'" + HexFormat.of().formatHex(
                "vigil-keyword-bundle 1\nversion sha256:00\n".getBytes(StandardCharsets.UTF_8))
                + "', version = 'sha256:" + "ab".repeat(32) + "'";
        Path log = site.root.resolve("logs").resolve("h2-tamper-lists.log");
        Process shell = new ProcessBuilder(List.of(JavaProcess.javaExecutable(), "-cp", VigilSite.CONSOLE_JAR.toString(),
                "org.h2.tools.Shell", "-url", url, "-user", "vigil", "-password", password, "-sql", sql))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!shell.waitFor(60, TimeUnit.SECONDS) || shell.exitValue() != 0) {
            throw new AssertionError("tampering failed:\n" + Files.readString(log));
        }
        assertTrue(Files.readString(log).contains("Update count: 1"), Files.readString(log));
        assertNotEquals("", password);
    }
}
