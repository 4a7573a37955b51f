package io.vigil.console;

import io.vigil.console.testing.Authenticator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.testing.TestAgentClient;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.Verdict;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DSL's casework over real HTTPS on a real console (H2, Lucene, gRPC ingest): the alert page, every kind of
 * change through the page's forms and the JSON API, the inbox and search after a change, exports, precision, and
 * who may see what.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseworkWebIT {

    private static final Authenticator AUTH = new Authenticator();

    private static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dataDir;
    private StartedConsole console;
    private int webPort;
    private String urgent;
    private String earlier;
    private String markup;

    @BeforeAll
    void start(@TempDir Path tempDir) throws Exception {
        dataDir = tempDir;
        console = StartedConsole.start(new ServeOptions(dataDir, "127.0.0.1", 0, 0), Clock.systemUTC(),
                new SecureRandom());
        webPort = Integer.parseInt(console.webUrl().replaceAll(".*:(\\d+)/$", "$1"));
        AUTH.addOrReset(console, "mrs.khan", Set.of(Role.DSL), "Oak School", PASSWORD);
        AUTH.addOrReset(console, "mr.jones", Set.of(Role.DEPUTY_DSL), "Oak School", PASSWORD);
        AUTH.addOrReset(console, "it", Set.of(Role.IT_PROVIDER), "Oak School", PASSWORD);
        AUTH.addOrReset(console, "lists", Set.of(Role.ONLINE_SAFETY_LEAD), "Oak School", PASSWORD);
        AUTH.addOrReset(console, "elm.dsl", Set.of(Role.DSL), "Elm School", PASSWORD);
        KeywordEngine lists = KeywordEngine.bundled();
        try (var agent = new TestAgentClient(console.grpcPort(), dataDir.resolve("console-cert.pem"))) {
            var device = agent.enrol(console.createToken("Oak School"), "LAPTOP-OAK");
            var session = agent.session(device.getDeviceId(), device.getDeviceCredential());
            session.send(TestAgentClient.hello("j.smith", "LAPTOP-OAK"));
            session.nextAck();
            earlier = send(session, lists, 1, "how do i cut myself without anyone noticing");
            markup = send(session, lists, 2, "<script>alert(1)</script> i want to kill myself");
            urgent = send(session, lists, 3, "i just want to kill myself tonight");
            session.complete();
        }
    }

    /** An alert as the agent raises it: the bundled lists' own verdict and rule ids. */
    private static String send(TestAgentClient.Session session, KeywordEngine lists, long seq, String typed)
            throws Exception {
        Verdict v = lists.scan(typed);
        assertTrue(v.alert(), typed);
        var alert = TestAgentClient.alert(seq, v.category(), v.severity(), v.snippet()).clearRuleIds()
                .addAllRuleIds(v.ruleIds()).setUrl("https://www.google.com/search?q=" + seq + "+help");
        alert.setOccurredAt(com.google.protobuf.Timestamp.newBuilder()
                .setSeconds(alert.getOccurredAt().getSeconds() + seq).build());
        session.send(TestAgentClient.message(alert));
        assertEquals(seq, session.nextAck());
        return alert.getUuid();
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

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    private static void changed(HttpResponse<String> response, String uuid) {
        assertEquals(303, response.statusCode(), response.body());
        assertEquals("/alerts/" + uuid + "#case", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theAlertPageExplainsHighlightsAndShowsTheTimelineInSchoolTime() throws Exception {
        var page = signedIn("mrs.khan").get("/alerts/" + urgent);
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("<mark>kill myself"), "matched words marked: " + html);
        assertTrue(html.contains("5 Imminent risk") && html.contains("Suicide"), html);
        assertTrue(html.contains("within 8 words of"), "the rule in plain words");
        assertTrue(html.contains("imminent risk (rule su."), "names the rule that set the severity");
        assertTrue(html.matches("(?s).*\\d{2}:\\d{2} (GMT|BST).*"), "school time, zone named");
        assertTrue(html.contains("Search term") && html.contains("3 help"), "a search shows its words");
        assertTrue(html.contains("LAPTOP-OAK") && html.contains("j.smith") && html.contains("Oak School"), html);
        assertTrue(html.contains("/alerts/" + markup) && html.contains("/alerts/" + earlier), "earlier alerts");
        assertTrue(html.contains("<a href=\"/inbox\">Back to alerts</a>"));
    }

    @Test
    void pupilsMarkupIsShownAsTextEvenWhereWordsAreMarked() throws Exception {
        String html = signedIn("mrs.khan").get("/alerts/" + markup).body();
        assertFalse(html.contains("<script>alert(1)"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("<mark>kill myself</mark>"), html);
    }

    @Test
    void everyReadOfTheAlertIsAudited() throws Exception {
        signedIn("mrs.khan").get("/alerts/" + earlier);
        assertTrue(audit().stream().anyMatch(e -> e.actor().equals("mrs.khan")
                && e.action().equals("alert.view") && e.detail().contains(earlier)));
    }

    @Test
    void aDslWorksTheCaseFromThePageAndEveryStepIsInTheHistoryAndAudit() throws Exception {
        HttpsClient dsl = signedIn("mrs.khan");
        String path = "/alerts/" + urgent + "/case";
        changed(dsl.postForm(path, form("action", "acknowledge")), urgent);
        changed(dsl.postForm(path, form("action", "assign", "assignee", "mr.jones")), urgent);
        changed(dsl.postForm(path, form("action", "status", "status", "escalated")), urgent);
        changed(dsl.postForm(path, form("action", "note", "text", "Spoke to <b>form tutor</b>.")), urgent);
        changed(dsl.postForm(path, form("action", "referral", "agency", "social_care", "date", "2026-11-23",
                "reference", "MASH-4411")), urgent);
        changed(dsl.postForm(path, form("action", "parents_not_informed", "reason", "Police advised, 23/11")), urgent);
        changed(dsl.postForm(path, form("action", "cpoms", "reference", "CPOMS-9001")), urgent);
        changed(dsl.postForm(path, form("action", "close", "outcome", "referred_social_care")), urgent);

        String html = dsl.get("/alerts/" + urgent).body();
        assertTrue(html.contains("Spoke to &lt;b&gt;form tutor&lt;/b&gt;."), "notes are text");
        assertTrue(html.contains("Referred to children&#39;s social care") || html.contains("Referred to children's"),
                html);
        assertTrue(html.contains("CPOMS-9001") && html.contains("MASH-4411"), html);
        JsonNode c = JSON.readTree(dsl.get("/api/alerts/" + urgent + "/case").body());
        assertEquals("closed", c.get("status").asText());
        assertEquals("mr.jones", c.get("assignee").asText());
        assertEquals("mrs.khan", c.get("acknowledgedBy").asText());
        assertEquals(List.of("acknowledged", "assigned", "status", "note", "referral", "parents_not_informed", "cpoms",
                "closed"), c.get("history").findValuesAsText("change"));
        assertEquals("MASH-4411", c.get("referrals").get(0).get("reference").asText());
        var audit = audit().stream().filter(e -> e.action().equals("alert.update")
                && e.detail().contains(urgent)).toList();
        assertEquals(8, audit.size(), audit.toString());
        assertTrue(audit.stream().noneMatch(e -> e.detail().contains("form tutor")), "note text stays in the case");

        // The inbox's status filter and search see the change: the store at once, the index through the outbox.
        HttpsClient reader = signedIn("mrs.khan");
        eventually(() -> JSON.readTree(reader.get("/api/alerts?status=closed&q=tonight").body()),
                body -> body.get("total").asInt() == 1 && body.get("alerts").get(0).get("assignee").asText()
                        .equals("mr.jones"));
        String inbox = reader.get("/inbox?status=closed").body();
        assertTrue(inbox.contains("assigned to mr.jones") && inbox.contains("Closed"), inbox);
    }

    @Test
    void exportsCarryTheRecordAndAreAudited() throws Exception {
        HttpsClient dsl = signedIn("mrs.khan");
        String path = "/alerts/" + earlier + "/case";
        changed(dsl.postForm(path, form("action", "note", "text", "Checked with head of year.")), earlier);
        changed(dsl.postForm(path, form("action", "cpoms", "reference", "CP-77")), earlier);

        var pdf = dsl.getBytes("/alerts/" + earlier + "/record.pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        String text;
        try (var doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("Incident record") && text.contains("CP-77")
                && text.contains("Checked with head of year.") && text.contains("j.smith"), text);

        var csv = dsl.get("/alerts/" + earlier + "/record.csv");
        assertEquals(200, csv.statusCode());
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertEquals("\"Student\",\"Date\",\"Time\",\"Category\",\"Incident\",\"Action taken\",\"Outcome\",\"Status\","
                + "\"Assigned to\",\"Reference\",\"Vigil alert\"", lines[0]);
        assertTrue(lines[1].startsWith("\"j.smith\",\"") && lines[1].contains("\"CP-77\",\"" + earlier + "\""),
                csv.body());

        var print = dsl.get("/alerts/" + earlier + "/record");
        assertTrue(print.body().contains("Checked with head of year.") && print.body().contains("CP-77"));
        var exports = audit().stream().filter(e -> e.action().equals("alert.export")
                && e.detail().contains(earlier)).map(e -> e.actor() + " " + e.detail()).toList();
        assertEquals(3, exports.size(), exports.toString());
        assertTrue(exports.stream().anyMatch(e -> e.startsWith("mrs.khan") && e.contains("format=pdf")));
    }

    @Test
    void anAlertCanBeAssignedOnlyToTheSchoolsSafeguardingStaff() throws Exception {
        HttpsClient dsl = signedIn("mrs.khan");
        var refused = dsl.postForm("/alerts/" + markup + "/case", form("action", "assign", "assignee", "elm.dsl"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("elm.dsl is not a safeguarding user of this alert&#39;s school")
                || refused.body().contains("elm.dsl is not a safeguarding user"), refused.body());
        var api = dsl.postJson("/api/alerts/" + markup + "/case", "{\"action\":\"assign\",\"assignee\":\"it\"}");
        assertEquals(400, api.statusCode(), api.body());
        var ok = dsl.postJson("/api/alerts/" + markup + "/case", "{\"action\":\"assign\",\"assignee\":\"mr.jones\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("mr.jones", JSON.readTree(ok.body()).get("assignee").asText());
    }

    @Test
    void theScreenshotNeedsAReasonAndTheItRoleCannotReadAlerts() throws Exception {
        assertEquals(400, signedIn("mrs.khan").get("/api/alerts/" + urgent + "/screenshot").statusCode());
        HttpsClient it = signedIn("it");
        assertEquals(403, it.get("/alerts/" + urgent).statusCode());
        assertFalse(it.get("/alerts/" + urgent).body().contains("kill myself"));
        assertEquals(403, it.get("/api/alerts/" + urgent + "/case").statusCode());
        assertEquals(403, it.get("/alerts/" + urgent + "/record.pdf").statusCode());
        assertEquals(403, it.postForm("/alerts/" + urgent + "/case", form("action", "acknowledge")).statusCode());
    }

    @Test
    void anotherSchoolsDslGets404Everywhere() throws Exception {
        HttpsClient elm = signedIn("elm.dsl");
        for (String path : List.of("/alerts/" + urgent, "/alerts/" + urgent + "/record", "/alerts/" + urgent
                + "/record.pdf", "/alerts/" + urgent + "/record.csv", "/api/alerts/" + urgent + "/case")) {
            var response = elm.get(path);
            assertEquals(404, response.statusCode(), path);
            assertFalse(response.body().contains("kill myself"), path);
        }
        assertEquals(404, elm.postForm("/alerts/" + urgent + "/case", form("action", "note", "text", "x"))
                .statusCode());
        String page = elm.get("/alerts/" + urgent).body();
        assertTrue(page.contains("Not found") && page.contains("href=\"/\""), "a proper page with a way back");
        String unknown = elm.get("/no/such/page").body();
        assertTrue(unknown.contains("Page not found") && unknown.contains("href=\"/\""), unknown);
    }

    @Test
    void listOwnersSeePrecisionCountsButNoPupilsWords() throws Exception {
        HttpsClient dsl = signedIn("mrs.khan");
        changed(dsl.postForm("/alerts/" + markup + "/case", form("action", "close", "outcome", "false_positive")),
                markup);
        HttpsClient lists = signedIn("lists");
        JsonNode rules = JSON.readTree(lists.get("/api/rules/precision").body()).get("rules");
        assertTrue(rules.size() > 0, rules.toString());
        boolean counted = false;
        for (JsonNode rule : rules) {
            counted |= rule.get("rule").asText().startsWith("su.") && rule.get("falsePositives").asInt() >= 1;
        }
        assertTrue(counted, "the false positive is counted against its suicide rules: " + rules);
        String page = lists.get("/rules/precision").body();
        assertTrue(page.contains("su.") && !page.contains("kill myself") && !page.contains("j.smith"), page);
        assertEquals(403, dsl.get("/api/rules/precision").statusCode(), "precision is for list owners");
    }

    @Test
    void aDslSetsTheSchoolsRetentionAndRepeatWindowAndOnlyForTheirSchool() throws Exception {
        HttpsClient dsl = signedIn("mrs.khan");
        long oak = JSON.readTree(dsl.get("/api/session").body()).get("schoolIds").get(0).asLong();
        JsonNode defaults = JSON.readTree(dsl.get("/api/schools/" + oak + "/settings").body());
        assertEquals(30, defaults.get("screenshotDays").asInt(), "screenshots kept 30 days unless set");
        var saved = dsl.postJson("/api/schools/" + oak + "/settings", "{\"screenshotDays\":14}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(14, JSON.readTree(dsl.get("/api/schools/" + oak + "/settings").body()).get("screenshotDays")
                .asInt());
        var refused = dsl.postJson("/api/schools/" + oak + "/settings", "{\"screenshotDays\":0}");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("screenshot retention (days) must be 1 to 3650"), refused.body());
        assertEquals(404, signedIn("elm.dsl").get("/api/schools/" + oak + "/settings").statusCode());
        assertEquals(403, signedIn("it").get("/api/schools/" + oak + "/settings").statusCode());
        assertTrue(audit().stream().anyMatch(e -> e.action().equals("retention.set") && e.actor().equals("mrs.khan")));
    }

    @Test
    void aDslLogsADisclosureByHandAndWorksItLikeAnAlert() throws Exception {
        HttpsClient dsl = signedIn("mrs.khan");
        String form = dsl.get("/incidents/new").body();
        assertTrue(form.contains("do not view or copy; preserve; refer"), form);
        var logged = dsl.postForm("/incidents", form("pupil", "j.smith", "route", "disclosure", "category", "abuse",
                "severity", "4", "when", "2026-07-01T13:30", "summary", "Told form tutor about <bruises>."));
        assertEquals(303, logged.statusCode(), logged.body());
        String location = logged.headers().firstValue("Location").orElseThrow();
        var response = dsl.get(location);
        assertEquals(200, response.statusCode(), location + " " + response.headers().map() + response.body());
        String page = response.body();
        assertTrue(page.contains("Told form tutor about &lt;bruises&gt;."), page);
        assertTrue(page.contains("A pupil told a member of staff"), "the route is shown");
        assertTrue(page.contains("1 Jul 2026 13:30 BST"), "entered in school time, summer time named: " + page);
        assertTrue(page.contains("logged by hand"), "first line of its history");
        String uuid = location.substring("/alerts/".length());
        changed(dsl.postForm(location + "/case", form("action", "assign", "assignee", "mr.jones")), uuid);
        assertTrue(audit().stream().anyMatch(e -> e.action().equals("incident.log") && e.detail().contains(uuid)));

        var illegal = dsl.postForm("/incidents", form("pupil", "j.smith", "route", "illegal_content", "category",
                "sexual_content", "severity", "5", "when", "2026-12-01T09:00", "summary", "Image shared in class."));
        String illegalPage = dsl.get(illegal.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(illegalPage.contains("id=\"illegal-route\"") && illegalPage.contains("Preserve the device"),
                illegalPage);

        var bad = dsl.postForm("/incidents", form("pupil", "", "route", "disclosure", "category", "abuse",
                "severity", "4", "when", "2026-07-01T13:30", "summary", "x"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("enter the pupil&#39;s username") || bad.body().contains("enter the pupil"),
                bad.body());
        assertEquals(403, signedIn("it").postForm("/incidents", form("pupil", "j.smith")).statusCode());
    }

    private List<io.vigil.console.audit.AuditEntry> audit() {
        try (var db = io.vigil.console.store.jdbc.Database.open(dataDir)) {
            return new io.vigil.console.store.jdbc.JdbcAuditLog(db.dataSource(), Clock.systemUTC()).latest(1000);
        }
    }

    private static JsonNode eventually(Check<JsonNode> read, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos(); // a hang guard; the read ends it
        JsonNode last;
        do {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(50); // a poll interval under a deadline, not a wait for a guessed time
        } while (System.nanoTime() < deadline);
        throw new AssertionError("not reached within 30 s: " + last);
    }

    private interface Check<T> {
        T get() throws Exception;
    }
}
