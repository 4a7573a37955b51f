package io.vigil.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.testing.TestAgentClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conflict-of-interest routing over real HTTPS on a real console (H2, Lucene, gRPC ingest), following the person
 * from the directory: a staff member's alert reaches only the headteacher, the headteacher's only the chair of
 * governors, a staff login on a pupil's device the DSL (flagged), and nobody sees an alert about themselves, in
 * the list, search, alert page, case JSON, export and counts alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConflictOfInterestIT {

    private static final io.vigil.console.testing.Authenticator AUTH = new io.vigil.console.testing.Authenticator();
    private static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIRECTORY = """
            Username,Display name,Year group,Form,Role
            ajones;Amelia.J,Amelia Jones,Year 8,8B,Pupil
            bsmith,Ben Smith,9,9C,pupil
            tbaker,Tom Baker,,,staff
            mrs.khan,Sara Khan,,,staff
            djones,David Jones,,,staff
            rhead,Ruth Head,,,headteacher
            chair,Chris Chair,,,governor
            """;

    private Path dataDir;
    private StartedConsole console;
    private int webPort;
    /** Alert uuid by what it is about. */
    private final Map<String, String> alerts = new LinkedHashMap<>();

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dataDir = tempDir;
        console = StartedConsole.start(new ServeOptions(dataDir, "127.0.0.1", 0, 0), Clock.systemUTC(),
                new SecureRandom());
        webPort = Integer.parseInt(console.webUrl().replaceAll(".*:(\\d+)/$", "$1"));
        AUTH.addOrReset(console, "mrs.khan", Set.of(Role.DSL), "Oak School", PASSWORD);
        AUTH.addOrReset(console, "mr.jones", Set.of(Role.DEPUTY_DSL), "Oak School", PASSWORD);
        AUTH.addOrReset(console, "rhead", Set.of(Role.HEADTEACHER), "Oak School", PASSWORD);
        AUTH.addOrReset(console, "cchair", Set.of(Role.CHAIR_OF_GOVERNORS), "Oak School", PASSWORD);
        AUTH.addOrReset(console, "it", Set.of(Role.IT_PROVIDER), "Oak School", PASSWORD);
        try (var agent = new TestAgentClient(console.grpcPort(), dataDir.resolve("console-cert.pem"))) {
            String token = console.createToken("Oak School");
            var pupilLaptop = agent.enrol(token, "LAPTOP-A");
            var staffLaptop = agent.enrol(token, "LAPTOP-T");
            var a = agent.session(pupilLaptop.getDeviceId(), pupilLaptop.getDeviceCredential());
            a.send(TestAgentClient.hello("ajones", "LAPTOP-A"));
            a.nextAck();
            // Ben's alert is older than Amelia's, of the same severity: it ranks first only once he is priority.
            send(a, 1, "bsmith", "ben");
            send(a, 2, "ajones", "pupil");
            send(a, 3, "Amelia.J", "pupil-second-login");
            send(a, 4, "tbaker", "staff-on-pupil-device");
            send(a, 5, "mrs.khan", "dsl-on-pupil-device");
            send(a, 6, "djones", "deputy-on-pupil-device");
            a.send(TestAgentClient.noticeAcceptance(7, "ajones", "aup-2026", "pupils"));
            assertEquals(7, a.nextAck());
            a.complete();
            var t = agent.session(staffLaptop.getDeviceId(), staffLaptop.getDeviceCredential());
            t.send(TestAgentClient.hello("tbaker", "LAPTOP-T"));
            t.nextAck();
            send(t, 1, "tbaker", "staff");
            send(t, 2, "rhead", "head");
            send(t, 3, "year8", "generic");
            t.complete();
        }
        HttpsClient dsl = signedIn("mrs.khan");
        var imported = dsl.postBytes("/api/directory", "text/csv", DIRECTORY.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(7, JSON.readTree(imported.body()).get("added").asInt());
        assertEquals(200, dsl.postJson("/api/directory/allocations", "{\"device\":\"laptop-a\",\"login\":\"ajones\"}")
                .statusCode());
        assertEquals(204, dsl.postJson("/api/directory/generic-logins", "{\"patterns\":[\"year*\",\"guest\"]}")
                .statusCode());
        // The deputy's console name is not one of his logins: linked as `user link` does.
        assertTrue(console.linkUser("mr.jones", "Oak School", "djones"));
        // Every alert searchable before the tests read through the index.
        eventually(() -> JSON.readTree(signedIn("mrs.khan").get("/api/alerts?q=kill").body()).get("total").asInt(),
                n -> n == 6);
    }

    private void send(TestAgentClient.Session session, long seq, String user, String about) throws Exception {
        var alert = TestAgentClient.alert(seq, "suicide", 4, "i want to kill myself " + about.replace('-', ' '))
                .setUser(user);
        alert.setOccurredAt(com.google.protobuf.Timestamp.newBuilder()
                .setSeconds(alert.getOccurredAt().getSeconds() + seq).build());
        session.send(TestAgentClient.message(alert));
        assertEquals(seq, session.nextAck());
        alerts.put(about, alert.getUuid());
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    private HttpsClient signedIn(String user) throws Exception {
        HttpsClient client = new HttpsClient(webPort, dataDir.resolve("console-cert.pem"));
        var response = client.postJson("/api/session", AUTH.sessionJson(user, PASSWORD));
        assertEquals(204, response.statusCode(), response.body());
        return client;
    }

    private Set<String> expected(String... about) {
        Set<String> ids = new TreeSet<>();
        for (String a : about) {
            ids.add(alerts.get(a));
        }
        return ids;
    }

    /** What {@code user} can reach of every alert, by each read path, each compared with {@code expected}. */
    private void seesExactly(String user, Set<String> expected) throws Exception {
        HttpsClient client = signedIn(user);
        JsonNode list = JSON.readTree(client.get("/api/alerts?limit=500").body());
        assertEquals(expected, ids(list), user + ": list");
        assertEquals(expected.size(), list.get("total").asInt(), user + ": list total");
        JsonNode search = JSON.readTree(client.get("/api/alerts?q=kill&limit=500").body());
        assertEquals(expected, ids(search), user + ": search");
        assertEquals(expected.size(), search.get("total").asInt(), user + ": search total");
        JsonNode counts = JSON.readTree(client.get("/api/alerts/ids").body());
        assertEquals(expected.size(), counts.get("total").asInt(), user + ": counts");
        String inbox = client.get("/inbox").body();
        for (var e : alerts.entrySet()) {
            boolean visible = expected.contains(e.getValue());
            int status = visible ? 200 : 404;
            assertEquals(status, client.get("/alerts/" + e.getValue()).statusCode(), user + " page " + e.getKey());
            assertEquals(status, client.get("/api/alerts/" + e.getValue() + "/case").statusCode(),
                    user + " case " + e.getKey());
            assertEquals(status, client.get("/alerts/" + e.getValue() + "/record.csv").statusCode(),
                    user + " export " + e.getKey());
            assertEquals(visible, inbox.contains(e.getValue()), user + " inbox " + e.getKey());
        }
    }

    private static Set<String> ids(JsonNode page) {
        Set<String> ids = new TreeSet<>();
        page.get("alerts").forEach(a -> ids.add(a.get("id").asText()));
        return ids;
    }

    @Test
    void aStaffMembersAlertIsInvisibleToTheDslAndVisibleToTheHead() throws Exception {
        seesExactly("mrs.khan", expected("ben", "pupil", "pupil-second-login", "staff-on-pupil-device",
                "deputy-on-pupil-device", "generic"));
        seesExactly("rhead", expected("staff"));
        assertTrue(signedIn("rhead").get("/welcome").body().contains("href=\"/inbox\""),
                "the head finds the alerts routed to her from the start page");
    }

    @Test
    void theHeadActsOnTheStaffAlertAndTheDslCannotTouchIt() throws Exception {
        String staff = alerts.get("staff");
        var note = signedIn("rhead").postJson("/api/alerts/" + staff + "/case",
                "{\"action\":\"note\",\"text\":\"Spoke to the LADO; advice taken.\"}");
        assertEquals(200, note.statusCode(), note.body());
        assertTrue(note.body().contains("Spoke to the LADO"), note.body());
        assertEquals(404, signedIn("mrs.khan").postJson("/api/alerts/" + staff + "/case",
                "{\"action\":\"acknowledge\"}").statusCode(), "the DSL acted on an alert about a member of staff");
        assertEquals(404, signedIn("rhead").postJson("/api/alerts/" + alerts.get("pupil") + "/case",
                "{\"action\":\"acknowledge\"}").statusCode(), "the head acted on a pupil's alert");
    }

    @Test
    void theHeadteachersAlertGoesOnlyToTheChairOfGovernors() throws Exception {
        seesExactly("cchair", expected("head"));
    }

    @Test
    void nobodySeesAnAlertAboutThemselvesByUsernameOrByLink() throws Exception {
        // mrs.khan's own alert (username = login) goes to the DSL route but not to her; the deputy (linked) sees it.
        seesExactly("mr.jones", expected("ben", "pupil", "pupil-second-login", "staff-on-pupil-device",
                "dsl-on-pupil-device", "generic"));
    }

    @Test
    void aRoleThatReadsNoAlertsIsRefusedAndTheDirectoryIsForSafeguardingRolesOnly() throws Exception {
        HttpsClient it = signedIn("it");
        assertEquals(403, it.get("/api/alerts").statusCode());
        assertEquals(403, it.get("/api/directory").statusCode());
        assertEquals(403, signedIn("rhead").get("/api/directory").statusCode());
        assertEquals(403, signedIn("cchair").postBytes("/api/directory", "text/csv", DIRECTORY.getBytes(
                StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void alertsNameThePersonAndFlagWhoWasReallyAtTheKeyboard() throws Exception {
        HttpsClient dsl = signedIn("mrs.khan");
        Map<String, JsonNode> people = new LinkedHashMap<>();
        JSON.readTree(dsl.get("/api/alerts?limit=500").body()).get("alerts")
                .forEach(a -> people.put(a.get("id").asText(), a.get("person")));
        assertEquals("Amelia Jones, Year 8, 8B", people.get(alerts.get("pupil")).get("label").asText());
        assertEquals("Amelia Jones, Year 8, 8B", people.get(alerts.get("pupil-second-login")).get("label").asText());
        assertEquals("aup-2026", people.get(alerts.get("pupil")).get("noticeVersion").asText());
        assertEquals("unknown login: year8", people.get(alerts.get("generic")).get("label").asText());
        assertEquals(List.of("generic or shared login"), list(people.get(alerts.get("generic")).get("flags")));
        JsonNode staffOnPupil = people.get(alerts.get("staff-on-pupil-device"));
        assertEquals("Tom Baker, staff", staffOnPupil.get("label").asText());
        assertEquals(List.of("staff login on a pupil's device"), list(staffOnPupil.get("flags")));
        assertEquals("Amelia Jones, Year 8, 8B", staffOnPupil.get("allocatedTo").asText());
        assertEquals("dsl", staffOnPupil.get("route").asText());

        String page = dsl.get("/alerts/" + alerts.get("staff-on-pupil-device")).body();
        assertTrue(page.contains("Tom Baker, staff") && page.contains("Staff login on a pupil&#39;s device")
                || page.contains("Staff login on a pupil's device"), page);
        String pupilPage = dsl.get("/alerts/" + alerts.get("pupil")).body();
        assertTrue(pupilPage.contains("Amelia Jones, Year 8, 8B") && pupilPage.contains("LAPTOP-A"), pupilPage);
        assertTrue(pupilPage.contains("accepted version aup-2026"), pupilPage);
        assertTrue(dsl.get("/alerts/" + alerts.get("generic")).body().contains("generic or shared login"));
        String inbox = dsl.get("/inbox").body();
        assertTrue(inbox.contains("Amelia Jones, Year 8, 8B (ajones)"), inbox);
        assertTrue(inbox.contains("unknown login: year8"), inbox);
        String csv = new String(dsl.getBytes("/alerts/" + alerts.get("pupil") + "/record.csv").body(),
                StandardCharsets.UTF_8);
        assertTrue(csv.contains("Amelia Jones, Year 8, 8B"), csv);
    }

    @Test
    void aPriorityPupilsAlertsRankHigherAndTheMarkIsAudited() throws Exception {
        HttpsClient dsl = signedIn("mrs.khan");
        List<String> before = order(dsl);
        assertTrue(before.indexOf(alerts.get("pupil")) < before.indexOf(alerts.get("ben")), before.toString());
        assertEquals(204, dsl.postJson("/api/directory/priority",
                "{\"login\":\"bsmith\",\"reason\":\"Known to social care\"}").statusCode());
        try {
            List<String> after = order(dsl);
            assertEquals(alerts.get("ben"), after.getFirst(), after.toString());
            JsonNode directory = JSON.readTree(dsl.get("/api/directory").body());
            boolean marked = false;
            for (JsonNode p : directory.get("people")) {
                if (p.get("name").asText().equals("Ben Smith")) {
                    marked = p.get("priority").get("reason").asText().equals("Known to social care");
                }
            }
            assertTrue(marked, directory.toString());
            assertEquals(404, dsl.postJson("/api/directory/priority", "{\"login\":\"tbaker\",\"reason\":\"x\"}")
                    .statusCode(), "only pupils are marked");
            assertTrue(audit().stream().anyMatch(e -> e.action().equals("pupil.priority_set")
                    && e.actor().equals("mrs.khan") && e.detail().contains("bsmith")
                    && !e.detail().contains("social care")));
        } finally {
            assertEquals(204, dsl.postJson("/api/directory/priority", "{\"login\":\"bsmith\"}").statusCode());
        }
    }

    @Test
    void theTimelineShowsOnlyWhatTheReaderMaySee() throws Exception {
        // Tom Baker's alert on his own laptop goes to the head; on Amelia's laptop to the DSL. The DSL's page for
        // the latter must not list the former among his earlier alerts.
        String page = signedIn("mrs.khan").get("/alerts/" + alerts.get("staff-on-pupil-device")).body();
        assertFalse(page.contains(alerts.get("staff")), page);
    }

    @Test
    void everyDirectoryReadIsAudited() throws Exception {
        signedIn("mr.jones").get("/api/directory");
        assertTrue(audit().stream().anyMatch(e -> e.actor().equals("mr.jones")
                && e.action().equals("directory.view")));
    }

    private static List<String> order(HttpsClient client) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(client.get("/api/alerts?limit=500").body()).get("alerts").forEach(a -> ids.add(a.get("id")
                .asText()));
        return ids;
    }

    private static List<String> list(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private List<io.vigil.console.audit.AuditEntry> audit() {
        try (var db = io.vigil.console.store.jdbc.Database.open(dataDir)) {
            return new io.vigil.console.store.jdbc.JdbcAuditLog(db.dataSource(), Clock.systemUTC()).latest(5000);
        }
    }

    private interface Check<T> {
        T get() throws Exception;
    }

    private static <T> T eventually(Check<T> read, java.util.function.Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos(); // a hang guard; the read ends it
        T last;
        do {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50); // a poll interval under a deadline, not a wait for a guessed time
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not reached in 30 s; last: " + last);
    }
}
