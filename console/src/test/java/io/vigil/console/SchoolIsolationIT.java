package io.vigil.console;

import io.vigil.console.testing.Authenticator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.console.cli.ConsoleOperations;
import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.testing.TestAgentClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two schools of one trust on one real console (gRPC/TLS ingest, H2, Lucene, HTTPS): each school's DSL sees
 * only their own school's alerts, devices and counts through every route that can show them, and a DSL
 * granted the trust sees both. Each school's alerts carry a word only that school used, so a leak through the
 * search index, a count or a page would show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolIsolationIT {

    private static final Authenticator AUTH = new Authenticator();

    private static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dataDir;
    private StartedConsole console;
    private int webPort;
    private String oakScreenshotAlert;

    @BeforeAll
    void twoSchoolsOfOneTrust(@TempDir Path tempDir) throws Exception {
        dataDir = tempDir;
        ConsoleWiring cli = new ConsoleWiring();
        cli.addTrust(dataDir, DatabaseConfig.embedded(), "Riverside Trust");
        cli.addSchool(dataDir, "Oak Primary", Optional.of("Riverside Trust"));
        cli.addSchool(dataDir, "Elm Academy", Optional.of("Riverside Trust"));
        cli.addUser(dataDir, DatabaseConfig.embedded(), "trust.dsl", Set.of(Role.DSL),
                ConsoleOperations.Membership.trust("Riverside Trust"), PASSWORD,
                java.util.Optional.of(AUTH.newSecret("trust.dsl")));
        console = StartedConsole.start(new ServeOptions(dataDir, "127.0.0.1", 0, 0), Clock.systemUTC(),
                new SecureRandom());
        webPort = Integer.parseInt(console.webUrl().replaceAll(".*:(\\d+)/$", "$1"));
        AUTH.addOrReset(console, "oak.dsl", Set.of(Role.DSL), "Oak Primary", PASSWORD);
        AUTH.addOrReset(console, "elm.dsl", Set.of(Role.DSL), "Elm Academy", PASSWORD);
        AUTH.addOrReset(console, "oak.it", Set.of(Role.IT_PROVIDER), "Oak Primary", PASSWORD);
        oakScreenshotAlert = send("Oak Primary", "OAK-LAPTOP", "acornword", 3);
        send("Elm Academy", "ELM-LAPTOP", "birchword", 2);
    }

    /** Enrols a device in the school and sends {@code count} alerts whose snippets carry {@code word}. */
    private String send(String school, String hostname, String word, int count) throws Exception {
        String first = null;
        try (var agent = new TestAgentClient(console.grpcPort(), dataDir.resolve("console-cert.pem"))) {
            var device = agent.enrol(console.createToken(school), hostname);
            var session = agent.session(device.getDeviceId(), device.getDeviceCredential());
            session.send(TestAgentClient.hello("pupil." + word, hostname));
            session.nextAck();
            for (long seq = 1; seq <= count; seq++) {
                var alert = TestAgentClient.alert(seq, "self_harm", 4, "i want to cut myself " + word);
                if (first == null) {
                    alert.setScreenshot(io.vigil.proto.v1.Screenshot.newBuilder().setMediaType("image/png")
                            .setWidth(2).setHeight(1).setData(com.google.protobuf.ByteString.copyFrom(
                                    new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
                    first = alert.getUuid();
                }
                session.send(TestAgentClient.message(alert));
                assertEquals(seq, session.nextAck());
            }
            session.complete();
        }
        return first;
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    private HttpsClient signedIn(String user) throws Exception {
        HttpsClient client = new HttpsClient(webPort, dataDir.resolve("console-cert.pem"));
        assertEquals(204, client.postJson("/api/session",
                AUTH.sessionJson(user, PASSWORD)).statusCode());
        return client;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Text search follows the Ack through the index; poll until the expected total shows (or fail). */
    private JsonNode alerts(HttpsClient client, String query, long expected) throws Exception {
        JsonNode body = null;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2); // a hang guard
        while (System.nanoTime() < deadline) {
            var response = client.get("/api/alerts" + query);
            assertEquals(200, response.statusCode(), response.body());
            body = JSON.readTree(response.body());
            if (body.get("total").asLong() == expected && body.get("notYetSearchable").asLong() == 0) {
                return body;
            }
            Thread.sleep(50);
        }
        return body;
    }

    @Test
    void eachSchoolsDslSeesOnlyTheirOwnSchoolThroughEveryRoute() throws Exception {
        for (var who : List.of(new String[] {"oak.dsl", "acornword", "birchword", "3", "OAK-LAPTOP", "ELM-LAPTOP"},
                new String[] {"elm.dsl", "birchword", "acornword", "2", "ELM-LAPTOP", "OAK-LAPTOP"})) {
            HttpsClient dsl = signedIn(who[0]);
            long own = Long.parseLong(who[3]);
            assertEquals(own, alerts(dsl, "", own).get("total").asLong(), who[0] + ": inbox list and its count");
            assertEquals(own, alerts(dsl, "?q=" + q("cut"), own).get("total").asLong(), who[0] + ": text search");
            assertEquals(0, alerts(dsl, "?q=" + who[2], 0).get("total").asLong(), who[0] + ": the other word");
            assertEquals(0, alerts(dsl, "?q=" + q(who[5].toLowerCase()), 0).get("total").asLong(),
                    who[0] + ": the other school's device name");
            for (String path : List.of("/api/alerts?limit=500", "/api/alerts/ids", "/api/devices", "/inbox",
                    "/inbox/rows", "/api/alerts?q=" + q("cut") + "&limit=500")) {
                String body = dsl.get(path).body();
                assertFalse(body.contains(who[2]) || body.contains(who[5]), who[0] + " saw the other school at " + path);
            }
            assertTrue(dsl.get("/api/devices").body().contains(who[4]), who[0] + " sees their own device");
            String ids = dsl.get("/api/alerts/ids").body();
            assertEquals(own, JSON.readTree(ids).get("total").asLong(), who[0] + ": the new-alert count");
        }
    }

    @Test
    void aSchoolOutsideTheReadersScopeIsRefusedNotQuietlyWidened() throws Exception {
        HttpsClient oak = signedIn("oak.dsl");
        JsonNode trustView = alerts(signedIn("trust.dsl"), "", 5);
        long elmId = -1;
        for (JsonNode alert : trustView.get("alerts")) {
            if (alert.get("snippet").asText().contains("birchword")) {
                elmId = alert.get("schoolId").asLong();
            }
        }
        assertEquals(400, oak.get("/api/alerts?school=" + elmId).statusCode());
    }

    @Test
    void anotherSchoolsScreenshotIsNotFoundAndTheItRoleIsRefusedItsOwn() throws Exception {
        alerts(signedIn("oak.dsl"), "", 3);
        assertEquals(200, signedIn("oak.dsl").get("/api/alerts/" + oakScreenshotAlert + "/screenshot?reason=checking+context").statusCode());
        assertEquals(404, signedIn("elm.dsl").get("/api/alerts/" + oakScreenshotAlert + "/screenshot?reason=checking+context").statusCode(),
                "Elm's DSL learns nothing about Oak's alert, not even that it exists");
        assertEquals(200, signedIn("trust.dsl").get("/api/alerts/" + oakScreenshotAlert + "/screenshot?reason=checking+context").statusCode());
        assertEquals(403, signedIn("oak.it").get("/api/alerts/" + oakScreenshotAlert + "/screenshot?reason=checking+context").statusCode());
    }

    @Test
    void aDslGrantedTheTrustSeesBothSchools() throws Exception {
        HttpsClient trust = signedIn("trust.dsl");
        assertEquals(5, alerts(trust, "", 5).get("total").asLong());
        assertEquals(5, alerts(trust, "?q=" + q("cut"), 5).get("total").asLong());
        assertEquals(3, alerts(trust, "?q=acornword", 3).get("total").asLong());
        assertEquals(2, alerts(trust, "?q=birchword", 2).get("total").asLong());
        String devices = trust.get("/api/devices").body();
        assertTrue(devices.contains("OAK-LAPTOP") && devices.contains("ELM-LAPTOP"), devices);
        String inbox = trust.get("/inbox?limit=50").body();
        assertTrue(inbox.contains("acornword") && inbox.contains("birchword"), "the trust inbox shows both");
    }
}
