package io.vigil.console;

import io.vigil.console.testing.Authenticator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.testing.TestAgentClient;
import io.vigil.filter.FilterPolicy;
import io.vigil.filter.format.ListSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nominated-user actions on a real console with a device session over TLS: a grant and a suspension are
 * audited, republished inside the signed policy and pushed at once, and the pushed policy itself ends them
 * at their time (checked with the same filter-policy code the agent enforces with).
 */
class OverlayIT {

    private static final Authenticator AUTH = new Authenticator();

    private static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY = """
            vigil-filter-policy 1
            category gaming
            domain gaming roblox.com
            illegal-entry ctiru terror.example
            group default
              block gaming
            device-group default
            nominated ms.rivera
            """;

    @TempDir
    Path dataDir;
    private StartedConsole console;
    private int webPort;
    private TestAgentClient agent;
    private TestAgentClient.Session device;

    @BeforeEach
    void start() throws Exception {
        console = StartedConsole.start(new ServeOptions(dataDir, "127.0.0.1", 0, 0), Clock.systemUTC(),
                new SecureRandom());
        webPort = Integer.parseInt(console.webUrl().replaceAll(".*:(\\d+)/$", "$1"));
        AUTH.addOrReset(console, "oak.it", Set.of(Role.IT_PROVIDER), "Oak Primary", PASSWORD);
        AUTH.addOrReset(console, "oak.dsl", Set.of(Role.DSL), "Oak Primary", PASSWORD);
        AUTH.addOrReset(console, "oak.deputy", Set.of(Role.DEPUTY_DSL), "Oak Primary", PASSWORD);
        AUTH.addOrReset(console, "oak.head", Set.of(Role.HEADTEACHER, Role.ONLINE_SAFETY_LEAD), "Oak Primary", PASSWORD);
        AUTH.addOrReset(console, "elm.dsl", Set.of(Role.DSL), "Elm Academy", PASSWORD);
        agent = new TestAgentClient(console.grpcPort(), dataDir.resolve("console-cert.pem"));
        var enrolled = agent.enrol(console.createToken("Oak Primary"), "OAK-LAPTOP");
        device = agent.session(enrolled.getDeviceId(), enrolled.getDeviceCredential());
        device.send(TestAgentClient.hello("pupil.ash", "OAK-LAPTOP"));
        device.nextAck();
    }

    @AfterEach
    void stop() throws Exception {
        device.complete();
        agent.close();
        console.close();
    }

    @Test
    void aGrantIsPushedInsideTheSignedPolicyAndEndsOnTheDeviceAtItsTime() throws Exception {
        HttpsClient dsl = signedIn("oak.dsl");
        assertEquals(422, post(dsl, "/api/filter-grants", grant("ms.rivera", "gaming", in(1))).statusCode(),
                "no policy to add a grant to yet");
        publish(POLICY);
        device.nextPolicy();

        Instant until = in(2);
        var granted = post(dsl, "/api/filter-grants", grant("ms.rivera", "gaming", until));
        assertEquals(201, granted.statusCode(), granted.body());
        FilterPolicy pushed = parse(device.nextPolicy());
        Instant now = Instant.now();
        assertFalse(pushed.decide("roblox.com", "ms.rivera", now).blocked(), "granted while it lasts");
        assertTrue(pushed.decide("roblox.com", "pupil.ash", now).blocked(), "only for the nominated user");
        assertTrue(pushed.decide("roblox.com", "ms.rivera", until.plusSeconds(1)).blocked(), "ends by itself");

        // A new upload of the school's policy keeps the grant in force.
        publish(POLICY + "# v2\n");
        assertFalse(parse(device.nextPolicy()).decide("roblox.com", "ms.rivera", Instant.now()).blocked());
        assertEquals(1, JSON.readTree(dsl.get("/api/filter-grants").body()).get("overlays").size());
    }

    @Test
    void grantsNeverReachTheIllegalListsOrUnnominatedUsersAndLeaveNothingBehindWhenRefused() throws Exception {
        publish(POLICY);
        HttpsClient deputy = signedIn("oak.deputy");
        var illegal = post(deputy, "/api/filter-grants", grant("ms.rivera", "illegal", in(1)));
        assertEquals(422, illegal.statusCode(), illegal.body());
        assertTrue(illegal.body().contains("cannot be unblocked"), illegal.body());
        assertEquals(400, post(deputy, "/api/filter-grants", grant("pupil.ash", "gaming", in(1))).statusCode());
        assertEquals(400, post(deputy, "/api/filter-grants", grant("ms.rivera", "gaming", in(24 * 8))).statusCode(),
                "longer than a week");
        assertEquals(0, JSON.readTree(deputy.get("/api/filter-grants").body()).get("overlays").size());
        assertEquals(201, post(deputy, "/api/filter-grants", grant("oak.deputy", "gaming", in(1))).statusCode(),
                "a nominated role may grant itself");
        assertEquals(403, post(signedIn("oak.it"), "/api/filter-grants", grant("oak.it", "gaming", in(1))).statusCode());
        assertEquals(403, post(deputy, "/api/suspensions", suspension("pupil.ash", in(1))).statusCode(),
                "only the DSL suspends");
    }

    @Test
    void aSuspendedPupilHasNoInternetUntilTheTimeAndItIsAudited() throws Exception {
        publish(POLICY);
        device.nextPolicy();
        Instant until = in(1);
        var suspended = post(signedIn("oak.dsl"), "/api/suspensions", suspension("pupil.ash", until));
        assertEquals(201, suspended.statusCode(), suspended.body());

        FilterPolicy pushed = parse(device.nextPolicy());
        assertTrue(pushed.decide("bbc.co.uk", "pupil.ash", Instant.now()).blocked());
        assertFalse(pushed.decide("bbc.co.uk", "pupil.birch", Instant.now()).blocked());
        assertFalse(pushed.decide("bbc.co.uk", "pupil.ash", until.plusSeconds(1)).blocked(), "ends by itself");
        try (var db = io.vigil.console.store.jdbc.Database.open(dataDir)) {
            var audit = new io.vigil.console.store.jdbc.JdbcAuditLog(db.dataSource(), Clock.systemUTC()).latest(20);
            assertTrue(audit.stream().anyMatch(e -> e.action().equals("pupil.suspend") && e.actor().equals("oak.dsl")
                    && e.detail().contains("user=pupil.ash")), audit::toString);
        }
    }

    @Test
    void aChangeIsSignedAndSentOnlyAfterAnotherLeaderOfTheSchoolApprovesIt() throws Exception {
        HttpsClient head = signedIn("oak.head");
        long change = propose(head, POLICY);
        var own = head.postJson("/api/filter-policy/changes/" + change + "/approve", "{}");
        assertEquals(409, own.statusCode(), own.body());
        assertTrue(own.body().contains("another person"), own.body());
        assertEquals(409, signedIn("elm.dsl").postJson("/api/filter-policy/changes/" + change + "/approve", "{}")
                .statusCode(), "another school's DSL cannot even see it");
        assertEquals(1, JSON.readTree(signedIn("oak.dsl").get("/api/filter-policy/changes").body())
                .get("changes").size());

        var approved = signedIn("oak.dsl").postJson("/api/filter-policy/changes/" + change + "/approve", "{}");
        assertEquals(200, approved.statusCode(), approved.body());
        String version = JSON.readTree(approved.body()).get("version").asText();
        assertEquals(version, device.nextPolicy().getVersion());
        assertEquals(409, signedIn("oak.dsl").postJson("/api/filter-policy/changes/" + change + "/approve", "{}")
                .statusCode(), "decided once");

        long rejected = propose(head, POLICY + "# not wanted\n");
        assertEquals(204, signedIn("oak.dsl").postJson("/api/filter-policy/changes/" + rejected + "/reject",
                "{\"reason\":\"not now\"}").statusCode());
        var history = JSON.readTree(head.get("/api/filter-policy").body()).get("versions");
        assertEquals("rejected", history.get(0).get("status").asText(), history::toPrettyString);
        assertEquals("live", history.get(1).get("status").asText(), history::toPrettyString);
    }

    @Test
    void fullWebAddressesOnIllegalListsAreStatedAsNotEnforcedOnUploadAndOnThePolicyPage() throws Exception {
        String withUrls = POLICY.replace("illegal-entry ctiru terror.example\n", "illegal-entry ctiru terror.example\n"
                + "illegal-entry iwf http://imagehost.example/a/b.jpg\nillegal-entry iwf imagehost.example/c\n");
        String stated = "2 entries are full web addresses; the DNS filter can only block whole sites, so these are "
                + "not enforced on the device.";
        HttpsClient it = signedIn("oak.it");
        var proposed = it.postText("/api/filter-policy?name=school.vfp", withUrls);
        assertEquals(201, proposed.statusCode(), proposed.body());
        var limits = JSON.readTree(proposed.body()).get("limits");
        assertEquals(2, limits.get("notEnforced").asInt(), proposed.body());
        assertEquals(stated, limits.get("summary").asText());
        assertEquals("http://imagehost.example/a/b.jpg (school.vfp line 5)", limits.get("examples").get(0).asText());

        String before = it.get("/filter-policy").body();
        assertFalse(before.contains(stated), "nothing is in force yet, so no limit is claimed for it");
        var approved = signedIn("oak.dsl").postJson("/api/filter-policy/changes/"
                + JSON.readTree(proposed.body()).get("id").asLong() + "/approve", "{}");
        assertEquals(200, approved.statusCode(), approved.body());
        String page = it.get("/filter-policy").body();
        assertTrue(page.contains(stated), page);
        assertTrue(page.contains("http://imagehost.example/a/b.jpg (policy line 5)"), page);
    }

    /** Proposed by the IT provider, approved by the DSL: the four-eyes path every policy takes. */
    private void publish(String policy) throws Exception {
        long change = propose(signedIn("oak.it"), policy);
        var approved = signedIn("oak.dsl").postJson("/api/filter-policy/changes/" + change + "/approve", "{}");
        assertEquals(200, approved.statusCode(), approved.body());
    }

    private static long propose(HttpsClient client, String policy) throws Exception {
        var proposed = client.postText("/api/filter-policy?name=school.vfp", policy);
        assertEquals(201, proposed.statusCode(), proposed.body());
        var body = JSON.readTree(proposed.body());
        assertEquals("pending", body.get("status").asText());
        return body.get("id").asLong();
    }

    private static Instant in(int hours) {
        return Instant.now().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String grant(String user, String category, Instant until) {
        return "{\"user\":\"" + user + "\",\"category\":\"" + category + "\",\"until\":\"" + until
                + "\",\"reason\":\"investigating a disclosure\"}";
    }

    private static String suspension(String user, Instant until) {
        return "{\"user\":\"" + user + "\",\"until\":\"" + until + "\",\"reason\":\"behaviour plan\"}";
    }

    private static FilterPolicy parse(io.vigil.proto.v1.FilterPolicy pushed) throws Exception {
        return FilterPolicy.parse("pushed", pushed.getPolicy().toString(StandardCharsets.UTF_8), ListSource.none());
    }

    private static java.net.http.HttpResponse<String> post(HttpsClient client, String path, String json)
            throws Exception {
        return client.postJson(path, json);
    }

    private HttpsClient signedIn(String user) throws Exception {
        HttpsClient client = new HttpsClient(webPort, dataDir.resolve("console-cert.pem"));
        assertEquals(204, client.postJson("/api/session",
                AUTH.sessionJson(user, PASSWORD)).statusCode());
        return client;
    }
}
