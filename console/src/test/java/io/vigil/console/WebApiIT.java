package io.vigil.console;

import io.vigil.console.testing.Authenticator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAuditLog;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.testing.TestAgentClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTTPS API and pages of a fully wired console, fed by a real agent session over gRPC/TLS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApiIT {

    private static final Authenticator AUTH = new Authenticator();

    private static final String DSL_PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dataDir;
    /** System time plus an offset that tests move forward to make sessions idle. */
    private final AtomicReference<Duration> skew = new AtomicReference<>(Duration.ZERO);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(skew.get());
        }
    };

    private StartedConsole console;
    private int webPort;
    private final List<String> alertIds = new ArrayList<>();

    @BeforeAll
    void startConsoleAndSendAlerts(@TempDir Path tempDir) throws Exception {
        dataDir = tempDir;
        console = StartedConsole.start(new ServeOptions(dataDir, "127.0.0.1", 0, 0), clock, new SecureRandom());
        webPort = Integer.parseInt(console.webUrl().replaceAll(".*:(\\d+)/$", "$1"));
        AUTH.addOrReset(console, "dsl", Set.of(Role.DSL), "Web School", DSL_PASSWORD);
        AUTH.addOrReset(console, "it", Set.of(Role.IT_PROVIDER), "Web School", DSL_PASSWORD);
        try (var agent = new TestAgentClient(console.grpcPort(), dataDir.resolve("console-cert.pem"))) {
            var device = agent.enrol(console.createToken("Web School"), "LAPTOP-WEB");
            var session = agent.session(device.getDeviceId(), device.getDeviceCredential());
            session.send(TestAgentClient.hello("j.smith", "LAPTOP-WEB"));
            session.nextAck();
            String[][] alerts = {
                {"self_harm", "5", "i just want to kill myself tonight"},
                {"bullying", "3", "everyone would be happier if you went and killed yourself"},
                {"filter_evasion", "4", "how to get around the school filter with a vpn"},
                {"grooming", "4", "<script>alert(1)</script> dont tell anyone its our secret"},
            };
            long seq = 1;
            for (String[] a : alerts) {
                var alert = TestAgentClient.alert(seq, a[0], Integer.parseInt(a[1]), a[2]);
                alertIds.add(alert.getUuid());
                session.send(TestAgentClient.message(alert));
                assertEquals(seq++, session.nextAck());
            }
            session.complete();
        }
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
    }

    private HttpsClient client() throws Exception {
        return new HttpsClient(webPort, dataDir.resolve("console-cert.pem"));
    }

    private HttpsClient signedIn(String user) throws Exception {
        HttpsClient client = client();
        var response = client.postJson("/api/session",
                AUTH.sessionJson(user, DSL_PASSWORD));
        assertEquals(204, response.statusCode(), response.body());
        return client;
    }

    /** Indexing follows the Ack asynchronously; a text search may need a moment to see the newest alerts. */
    private JsonNode alertsEventually(HttpsClient client, String query, int expected) throws Exception {
        JsonNode body = null;
        // A deadline, not a count of tries: on a busy machine the index may take a while to drain its outbox.
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        do {
            var response = client.get("/api/alerts" + query);
            assertEquals(200, response.statusCode(), response.body());
            body = JSON.readTree(response.body());
            if (body.get("total").asInt() == expected && body.get("notYetSearchable").asLong() == 0) {
                return body;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return body;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void healthNeedsNoSignIn() throws Exception {
        var response = client().get("/api/health");
        assertEquals(200, response.statusCode());
        assertEquals("ok", JSON.readTree(response.body()).get("status").asText());
    }

    @Test
    void alertsWithoutSignInAre401() throws Exception {
        var response = client().get("/api/alerts");
        assertEquals(401, response.statusCode());
        assertEquals("sign in required", JSON.readTree(response.body()).get("error").asText());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() throws Exception {
        var wrong = client().postJson("/api/session", "{\"username\":\"dsl\",\"password\":\"not the password!\"}");
        var unknown = client().postJson("/api/session", "{\"username\":\"nobody\",\"password\":\"not the password!\"}");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertEquals(wrong.body(), unknown.body());
    }

    @Test
    void signInWithAnOverlongUsernameIs401AndStillAuditLogged() throws Exception {
        String longName = "x".repeat(300);
        var api = client().postJson("/api/session", "{\"username\":\"" + longName + "\",\"password\":\"wrong\"}");
        assertEquals(401, api.statusCode(), api.body());
        var form = client().postForm("/login", "username=" + longName + "&password=wrong");
        assertEquals(401, form.statusCode());
        try (Database db = Database.open(dataDir)) {
            var failed = new JdbcAuditLog(db.dataSource(), Clock.systemUTC()).latest(20).stream()
                    .filter(e -> e.action().equals("session.failed") && e.actor().startsWith("xxx")).toList();
            assertEquals(2, failed.size(), "both attempts audited, username cut to the column");
        }
    }

    @Test
    void signInBodyThatIsNotAnObjectIs400() throws Exception {
        for (String body : List.of("[1]", "\"dsl\"", "{\"username\": {}}", "not json")) {
            var response = client().postJson("/api/session", body);
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
        }
    }

    @Test
    void signInSetsAHardenedSessionCookie() throws Exception {
        var response = client().postJson("/api/session",
                AUTH.sessionJson("dsl", DSL_PASSWORD));
        assertEquals(204, response.statusCode());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
    }

    @Test
    void alertsAreListedMostSevereFirstWithTheDocumentedFields() throws Exception {
        JsonNode body = alertsEventually(signedIn("dsl"), "", 4);
        assertEquals(4, body.get("total").asInt());
        List<Integer> severities = new ArrayList<>();
        body.get("alerts").forEach(a -> severities.add(a.get("severity").asInt()));
        assertEquals(List.of(5, 4, 4, 3), severities);
        JsonNode first = body.get("alerts").get(0);
        assertEquals(alertIds.getFirst(), first.get("id").asText());
        assertEquals("self_harm", first.get("category").asText());
        assertEquals("Self-harm", first.get("categoryName").asText(), "named as in the shipped keyword lists");
        assertEquals("LAPTOP-WEB", first.get("device").asText());
        assertEquals("j.smith", first.get("user").asText());
        assertEquals("new", first.get("status").asText());
        assertTrue(first.get("occurredAt").asText().endsWith("Z"), first.get("occurredAt").asText());
        for (String field : List.of("deviceId", "app", "window", "url", "rules", "snippet")) {
            assertTrue(first.has(field), field);
        }
    }

    @Test
    void textCategoryAndSeverityFiltersNarrowTheResults() throws Exception {
        HttpsClient dsl = signedIn("dsl");
        assertEquals(2, alertsEventually(dsl, "?q=" + q("kill"), 2).get("total").asInt(), "stemmed: killed");
        assertEquals(1, alertsEventually(dsl, "?q=" + q("kill") + "&category=bullying", 1).get("total").asInt());
        assertEquals(1, alertsEventually(dsl, "?q=" + q("kill") + "&minSeverity=5", 1).get("total").asInt());
        assertEquals(3, alertsEventually(dsl, "?minSeverity=4", 3).get("total").asInt());
        assertEquals(1, alertsEventually(dsl, "?limit=1", 4).get("alerts").size());
    }

    @Test
    void badParametersAre400NamingTheProblem() throws Exception {
        HttpsClient dsl = signedIn("dsl");
        var badSeverity = dsl.get("/api/alerts?minSeverity=abc");
        assertEquals(400, badSeverity.statusCode());
        assertTrue(badSeverity.body().contains("minSeverity"), badSeverity.body());
        var badQuery = dsl.get("/api/alerts?q=" + q("kill AND"));
        assertEquals(400, badQuery.statusCode());
        assertTrue(badQuery.body().contains("could not understand the search"), badQuery.body());
        assertEquals(400, dsl.get("/api/alerts?limit=501").statusCode());
        var hugeRegex = dsl.get("/api/alerts?q=" + q("/[a-z]{1,10000}.*.*.*[a-z]*{1,1000}/"));
        assertEquals(400, hugeRegex.statusCode(), hugeRegex.body());
        assertEquals(400, dsl.get("/inbox?q=" + q("/[a-z]{1,10000}.*.*.*[a-z]*{1,1000}/")).statusCode(), "inbox page too");
    }

    @Test
    void itProviderSeesDevicesButNotAlerts() throws Exception {
        HttpsClient it = signedIn("it");
        var alerts = it.get("/api/alerts");
        assertEquals(403, alerts.statusCode());
        var devices = it.get("/api/devices");
        assertEquals(200, devices.statusCode());
        JsonNode device = JSON.readTree(devices.body()).get("devices").get(0);
        assertEquals("LAPTOP-WEB", device.get("hostname").asText());
        assertEquals("Web School", device.get("school").asText());
        assertEquals("j.smith", device.get("lastUser").asText());
    }

    @Test
    void everyAlertSearchIsAuditLoggedWithTheIdsReturned() throws Exception {
        HttpsClient dsl = signedIn("dsl");
        alertsEventually(dsl, "?q=" + q("vpn"), 1);
        try (Database db = Database.open(dataDir)) {
            var latest = new JdbcAuditLog(db.dataSource(), Clock.systemUTC()).latest(20);
            var search = latest.stream().filter(e -> e.action().equals("alerts.search")).findFirst().orElseThrow();
            assertEquals("dsl", search.actor());
            assertTrue(search.detail().contains("q=vpn"), search.detail());
            assertTrue(search.detail().contains(alertIds.get(2)), search.detail());
        }
    }

    @Test
    void timedInboxRefreshesDoNotKeepAnUnattendedSessionAlive() throws Exception {
        HttpsClient dsl = signedIn("dsl");
        try {
            skew.accumulateAndGet(Duration.ofMinutes(15), Duration::plus);
            assertEquals(200, dsl.get("/api/alerts", "X-Vigil-Background", "refresh").statusCode());
            skew.accumulateAndGet(Duration.ofMinutes(15), Duration::plus);
            assertEquals(401, dsl.get("/api/alerts", "X-Vigil-Background", "refresh").statusCode(),
                    "30 idle minutes (the default lock is 20), refreshes or not");
            assertEquals(401, dsl.get("/api/alerts").statusCode());
        } finally {
            // The console is shared by the class: left 30 minutes ahead, it judged every later sign-in's TOTP code
            // against the wrong 30-second step, and those tests failed whenever the helper handed out a TOTP code
            // rather than a recovery code (which depends on how many sign-ins fell in the current step).
            skew.set(Duration.ZERO);
        }
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        HttpsClient dsl = signedIn("dsl");
        assertEquals(204, dsl.delete("/api/session").statusCode());
        assertEquals(401, dsl.get("/api/alerts").statusCode());
    }

    @Test
    void homeShowsSignInThenTheEscapedInboxWithSecurityHeaders() throws Exception {
        HttpsClient browser = client();
        HttpResponse<String> home = browser.get("/");
        assertEquals(303, home.statusCode(), "nobody signed in: sent to sign in");
        assertEquals("/login", home.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> signIn = browser.get("/login");
        assertEquals(200, signIn.statusCode());
        assertTrue(signIn.body().contains("<form method=\"post\" action=\"/login\""));
        assertTrue(signIn.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'self'"));
        assertEquals("nosniff", signIn.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("same-origin", signIn.headers().firstValue("Referrer-Policy").orElseThrow());

        var login = browser.postForm("/login", AUTH.loginForm("dsl", DSL_PASSWORD));
        assertEquals(303, login.statusCode());
        alertsEventually(browser, "", 4);
        assertEquals("/inbox", browser.get("/").headers().firstValue("Location").orElseThrow(), "a DSL starts in the inbox");
        String inbox = browser.get("/inbox").body();
        assertTrue(inbox.contains("<html lang=\"en-GB\">"));
        assertTrue(inbox.contains("Imminent risk"));
        assertTrue(inbox.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "snippets are HTML-escaped");
        assertFalse(inbox.contains("<script>alert(1)</script>"));
        assertTrue(inbox.contains("<option value=\"self_harm\">Self-harm</option>"), "categories offered by name");

        String injected = browser.get("/inbox?category=" + q("\"><script>alert(2)</script>")).body();
        assertFalse(injected.contains("<script>alert(2)</script>"), "a category from the URL is escaped");
        assertTrue(injected.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), injected);
    }

    @Test
    void wrongFormPasswordShowsTheSignInPageAgainWith401() throws Exception {
        var response = client().postForm("/login", "username=dsl&password=nope-nope-nope");
        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("Wrong username or password."));
    }
}
