package io.vigil.console;

import io.vigil.console.testing.Authenticator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.testing.TestAgentClient;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.BrowsingSummary;
import io.vigil.proto.v1.DomainCount;
import io.vigil.proto.v1.FilterEvent;
import io.vigil.proto.v1.ReviewRequest;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filtering records from devices on a real console (gRPC/TLS ingest, H2, HTTPS): filter events and review
 * requests stored exactly once however often they are resent, browsing counts added per user, domain and hour
 * (a resent summary counted once), all found per pupil and per device, and nothing seen from another school.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilteringIT {

    private static final Authenticator AUTH = new Authenticator();

    private static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);

    private Path dataDir;
    private StartedConsole console;
    private int webPort;
    private String oakDevice;

    @BeforeAll
    void twoSchools(@TempDir Path tempDir) throws Exception {
        dataDir = tempDir;
        console = StartedConsole.start(new ServeOptions(dataDir, "127.0.0.1", 0, 0), Clock.systemUTC(),
                new SecureRandom());
        webPort = Integer.parseInt(console.webUrl().replaceAll(".*:(\\d+)/$", "$1"));
        AUTH.addOrReset(console, "oak.dsl", Set.of(Role.DSL), "Oak Primary", PASSWORD);
        AUTH.addOrReset(console, "oak.it", Set.of(Role.IT_PROVIDER), "Oak Primary", PASSWORD);
        AUTH.addOrReset(console, "elm.dsl", Set.of(Role.DSL), "Elm Academy", PASSWORD);
        AUTH.addOrReset(console, "elm.it", Set.of(Role.IT_PROVIDER), "Elm Academy", PASSWORD);

        String blocked = UUID.randomUUID().toString();
        String summary = UUID.randomUUID().toString();
        String review = UUID.randomUUID().toString();
        try (var agent = new TestAgentClient(console.grpcPort(), dataDir.resolve("console-cert.pem"))) {
            var device = agent.enrol(console.createToken("Oak Primary"), "OAK-LAPTOP");
            oakDevice = device.getDeviceId();
            // The same records over two sessions: a device that never saw its Ack resends them.
            for (int session = 0; session < 2; session++) {
                var s = agent.session(device.getDeviceId(), device.getDeviceCredential());
                s.send(TestAgentClient.hello("pupil.ash", "OAK-LAPTOP"));
                s.nextAck();
                s.send(filterEvent(blocked, 1, "pupil.ash", "proxy.example"));
                assertEquals(1, s.nextAck());
                s.send(summary(summary, 2, "pupil.ash", 4));
                assertEquals(2, s.nextAck());
                s.send(reviewRequest(review, 3, "pupil.ash", "history.example"));
                assertEquals(3, s.nextAck());
                s.complete();
            }
            var s = agent.session(device.getDeviceId(), device.getDeviceCredential());
            s.send(TestAgentClient.hello("pupil.ash", "OAK-LAPTOP"));
            s.nextAck();
            s.send(summary(UUID.randomUUID().toString(), 4, "pupil.ash", 3)); // same user, domain, hour: added
            assertEquals(4, s.nextAck());
            s.send(filterEvent(UUID.randomUUID().toString(), 5, "pupil.birch", "games.example"));
            assertEquals(5, s.nextAck());
            s.complete();
        }
        try (var agent = new TestAgentClient(console.grpcPort(), dataDir.resolve("console-cert.pem"))) {
            var device = agent.enrol(console.createToken("Elm Academy"), "ELM-LAPTOP");
            var s = agent.session(device.getDeviceId(), device.getDeviceCredential());
            s.send(TestAgentClient.hello("pupil.elm", "ELM-LAPTOP"));
            s.nextAck();
            s.send(filterEvent(UUID.randomUUID().toString(), 1, "pupil.elm", "elmsecret.example"));
            assertEquals(1, s.nextAck());
            s.complete();
        }
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void aResentFilterEventIsStoredOnceAndFoundPerPupilAndPerDevice() throws Exception {
        HttpsClient dsl = signedIn("oak.dsl");

        JsonNode ash = json(dsl, "/api/filter-events?user=pupil.ash").get("events");
        assertEquals(1, ash.size(), ash::toPrettyString);
        assertEquals("proxy.example", ash.get(0).get("domain").asText());
        assertEquals("ks2", ash.get(0).get("group").asText());
        assertEquals("category proxy_vpn", ash.get(0).get("reason").asText());
        assertEquals("OAK-LAPTOP", ash.get(0).get("device").asText());

        JsonNode byDevice = json(dsl, "/api/filter-events?device=" + oakDevice).get("events");
        assertEquals(2, byDevice.size(), byDevice::toPrettyString);
    }

    @Test
    void browsingCountsAreAddedPerUserDomainAndHourAndAResentSummaryCountsOnce() throws Exception {
        JsonNode sites = json(signedIn("oak.dsl"), "/api/sites-visited?user=pupil.ash").get("sites");
        assertEquals(1, sites.size(), sites::toPrettyString);
        assertEquals("bbc.co.uk", sites.get(0).get("domain").asText());
        assertEquals(7, sites.get(0).get("requests").asLong(), "4 + 3, the resent 4 counted once");
    }

    @Test
    void reviewRequestsAreStoredOnceForTheItRole() throws Exception {
        JsonNode requests = json(signedIn("oak.it"), "/api/review-requests").get("requests");
        assertEquals(1, requests.size(), requests::toPrettyString);
        assertEquals("history.example", requests.get(0).get("domain").asText());
        assertEquals(403, signedIn("oak.it").get("/api/filter-events?user=pupil.ash").statusCode(),
                "the IT role never reads a pupil's browsing");
    }

    @Test
    void anotherSchoolsUsersSeeNoneOfIt() throws Exception {
        HttpsClient elm = signedIn("elm.dsl");
        for (String path : new String[] {"/api/filter-events?user=pupil.ash", "/api/filter-events?device=" + oakDevice,
                "/api/filter-events", "/api/sites-visited", "/api/sites-visited?user=pupil.ash", "/filtering"}) {
            String body = elm.get(path).body();
            assertFalse(body.contains("proxy.example") || body.contains("bbc.co.uk") || body.contains("OAK-LAPTOP"),
                    "elm.dsl saw Oak's records at " + path + ": " + body);
        }
        assertTrue(elm.get("/api/filter-events").body().contains("elmsecret.example"), "elm sees its own");
        String reviews = signedIn("elm.it").get("/api/review-requests").body();
        assertFalse(reviews.contains("history.example"), reviews);
    }

    @Test
    void readsOfPupilBrowsingAreAudited() throws Exception {
        HttpsClient dsl = signedIn("oak.dsl");
        dsl.get("/api/sites-visited?user=pupil.ash");
        dsl.get("/filtering?user=pupil.ash");
        java.util.List<io.vigil.console.audit.AuditEntry> audit;
        try (var db = io.vigil.console.store.jdbc.Database.open(dataDir)) {
            audit = new io.vigil.console.store.jdbc.JdbcAuditLog(db.dataSource(), Clock.systemUTC()).latest(50);
        }
        assertTrue(audit.stream().anyMatch(e -> e.actor().equals("oak.dsl") && e.action().equals("browsing.view")
                && e.detail().contains("user=pupil.ash")), audit::toString);
    }

    private HttpsClient signedIn(String user) throws Exception {
        HttpsClient client = new HttpsClient(webPort, dataDir.resolve("console-cert.pem"));
        assertEquals(204, client.postJson("/api/session",
                AUTH.sessionJson(user, PASSWORD)).statusCode());
        return client;
    }

    private static JsonNode json(HttpsClient client, String path) throws Exception {
        var response = client.get(path);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).build();
    }

    private static AgentMessage filterEvent(String uuid, long sequence, String user, String domain) {
        return AgentMessage.newBuilder().setFilterEvent(FilterEvent.newBuilder().setUuid(uuid).setSequence(sequence)
                .setDomain(domain).setAction(FilterEvent.Action.ACTION_BLOCKED).setCategory("proxy_vpn")
                .setUser(user).setGroup("ks2").setReason("category proxy_vpn").setOccurredAt(ts(HOUR.plusSeconds(60))))
                .build();
    }

    private static AgentMessage summary(String uuid, long sequence, String user, int requests) {
        return AgentMessage.newBuilder().setBrowsingSummary(BrowsingSummary.newBuilder().setUuid(uuid)
                .setSequence(sequence).setUser(user).setHour(ts(HOUR))
                .addDomains(DomainCount.newBuilder().setDomain("bbc.co.uk").setRequests(requests))).build();
    }

    private static AgentMessage reviewRequest(String uuid, long sequence, String user, String domain) {
        return AgentMessage.newBuilder().setReviewRequest(ReviewRequest.newBuilder().setUuid(uuid)
                .setSequence(sequence).setUser(user).setDomain(domain).setCategory("weapons")
                .setComment("for history homework").setRequestedAt(ts(HOUR.plusSeconds(120)))).build();
    }
}
