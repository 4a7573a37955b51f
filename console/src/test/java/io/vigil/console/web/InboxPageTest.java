package io.vigil.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.domain.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inbox page and its refresh fragment, rendered by the templates over fake alerts. */
class InboxPageTest {

    private FakeConsole console;

    @BeforeEach
    void start() {
        console = new FakeConsole();
        for (int n = 1; n <= 138; n++) {
            console.alerts.add(FakeConsole.alert(n, n <= 3 ? 5 : 3, n <= 3 ? "suicide" : "self_harm",
                    n == 7 ? "<script>alert(1)</script> dont tell" : "alert number " + n));
        }
    }

    @AfterEach
    void stop() {
        console.close();
    }

    private String inbox(String query) throws Exception {
        var response = console.client(Role.DSL).get("/inbox" + query);
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void repeatedAlertsOfOnePupilInOneCategoryShareARowWithACount() throws Exception {
        String page = inbox("");
        assertEquals(2, page.split("<tr class=\"sev-row-").length - 1, "one row per concern on this page");
        assertTrue(page.contains("<summary>2 more like this from pupil.one</summary>"), page);
        assertTrue(page.contains("<summary>46 more like this from pupil.one</summary>"), page);
        assertTrue(page.contains("data-repeats=\"00000000-0000-0000-0000-000000000002 "), "the refresh knows them");
        assertTrue(page.contains("Showing 1–50 of 138 alerts"), "counts stay counts of alerts");

        console.savedSettings.put(FakeConsole.SCHOOL, new io.vigil.console.domain.SchoolSettings(30, 2555, 0));
        assertEquals(50, inbox("").split("<tr class=\"sev-row-").length - 1, "a window of 0 turns grouping off");
    }

    @Test
    void anAlertFurtherThanTheWindowFromTheOthersStartsItsOwnRow() throws Exception {
        // The fake's alerts are a second apart, so a one-minute window chains them; one 8 minutes on stands alone.
        console.savedSettings.put(FakeConsole.SCHOOL, new io.vigil.console.domain.SchoolSettings(30, 2555, 1));
        console.alerts.add(FakeConsole.alert(500, 5, "suicide", "much later"));
        String page = inbox("?limit=200");
        assertEquals(3, page.split("<tr class=\"sev-row-").length - 1, page);
        assertTrue(page.contains("<summary>2 more like this from pupil.one</summary>"), page);
    }

    @Test
    void pagesSayWhereTheReaderIsAndLinkOnwardKeepingTheFilters() throws Exception {
        String first = inbox("?minSeverity=3");
        assertTrue(first.contains("Showing 1–50 of 138 alerts"), first);
        assertFalse(first.contains("rel=\"prev\""), "no previous page on the first");
        assertTrue(first.contains("href=\"/inbox?minSeverity=3&amp;offset=50\""), first);

        String second = inbox("?minSeverity=3&offset=50");
        assertTrue(second.contains("Showing 51–100 of 138 alerts"), second);
        assertTrue(second.contains("alert number 51"), second);
        assertFalse(second.contains("alert number 50<"), second);
        assertTrue(second.contains("rel=\"prev\" href=\"/inbox?minSeverity=3\""), second);

        String last = inbox("?offset=100");
        assertTrue(last.contains("Showing 101–138 of 138 alerts"), last);
        assertFalse(last.contains("rel=\"next\""), "no next page on the last");
    }

    @Test
    void theApiPagesWithOffsetAndLimitAndSaysWhereItIs() throws Exception {
        var response = console.client(Role.DSL).get("/api/alerts?offset=50&limit=25");
        assertEquals(200, response.statusCode(), response.body());
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
        assertEquals(138, body.get("total").asInt());
        assertEquals(50, body.get("offset").asInt());
        assertEquals(25, body.get("limit").asInt());
        assertEquals(25, body.get("alerts").size());
        assertEquals("00000000-0000-0000-0000-000000000051", body.get("alerts").get(0).get("id").asText());
        var audited = console.audit.latest(1).getFirst();
        assertTrue(audited.detail().contains("offset=50"), audited.detail());
        assertTrue(audited.detail().contains("000000000051") && !audited.detail().contains("000000000050,"),
                "the audit names exactly the alerts returned: " + audited.detail());
    }

    @Test
    void anotherSchoolsAlertsAreNeverShownCountedOrAnnounced() throws Exception {
        console.alerts.addFirst(FakeConsole.alert(999, FakeConsole.OTHER_SCHOOL, 5, "suicide", "other school secret"));
        var dsl = console.client(Role.DSL);
        for (String path : new String[] {"/inbox", "/inbox/rows", "/api/alerts", "/api/alerts/ids"}) {
            var response = dsl.get(path);
            assertEquals(200, response.statusCode(), path);
            assertFalse(response.body().contains("other school secret"), path);
            assertFalse(response.body().contains("000000000999"), path);
        }
        assertTrue(dsl.get("/inbox").body().contains("of 138 alerts"), "the other school's alert is not counted");
    }

    @Test
    void alertTextIsEscapedByTheTemplates() throws Exception {
        String page = inbox("");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; dont tell"), page);
        assertFalse(page.contains("<script>alert(1)</script>"));
        String injected = inbox("?category=" + URLEncoder.encode("\"><script>alert(2)</script>", StandardCharsets.UTF_8));
        assertFalse(injected.contains("<script>alert(2)</script>"), "a category from the URL is escaped");
    }

    @Test
    void aSnippetInAnotherLanguageSaysWhichAndCarriesItsLangAttribute() throws Exception {
        var s = FakeConsole.alert(0, 5, "suicide", "chce umrzec dzisiaj");
        console.alerts.addFirst(new io.vigil.console.domain.StoredAlert(s.rowId(), s.uuid(), s.deviceId(),
                s.deviceHostname(), s.schoolId(), s.sequence(), s.category(), s.severity(), s.score(), s.ruleIds(),
                s.snippet(), s.app(), s.windowTitle(), s.url(), s.user(), s.occurredAt(), s.receivedAt(), s.source(),
                s.listVersion(), s.status(), "pl"));
        try {
            String page = inbox("");
            assertTrue(page.contains("<span lang=\"pl\">chce umrzec dzisiaj</span>"), "screen readers switch language");
            assertTrue(page.contains("written in Polish"), "the DSL reads the language in English");
        } finally {
            console.alerts.removeFirst();
        }
    }

    @Test
    void urgentRowsSayTheirSeverityInWordsAndCarryTheirIds() throws Exception {
        String page = inbox("");
        assertTrue(page.contains("<span class=\"badge sev-5\">5 Imminent risk</span>"), page);
        assertTrue(page.contains("data-id=\"00000000-0000-0000-0000-000000000001\" data-severity=\"5\""), page);
        assertTrue(page.contains("<td data-label=\"Category\"><a href=\"/alerts/00000000-0000-0000-0000-000000000001\">Suicide</a></td>"),
                "category by name, linking to the alert's page");
    }

    @Test
    void theRefreshFragmentIsTheSameRowsAndIsAuditedAsAView() throws Exception {
        long before = console.audit.count(AuditAction.INBOX_VIEW);
        var fragment = console.client(Role.DSL).get("/inbox/rows?offset=50", SessionCookie.BACKGROUND, "refresh");
        assertEquals(200, fragment.statusCode());
        assertTrue(fragment.body().strip().startsWith("<tr class=\"sev-row-3\""), fragment.body());
        assertFalse(fragment.body().contains("<html"), "a fragment, not a page");
        assertEquals("138", fragment.headers().firstValue("X-Vigil-Total").orElseThrow());
        assertEquals(before + 1, console.audit.count(AuditAction.INBOX_VIEW));
    }

    @Test
    void checkingForNewAlertsReturnsIdsOnlyAndIsNotAContentRead() throws Exception {
        long before = console.audit.latest(1000).size();
        var ids = console.client(Role.DSL).get("/api/alerts/ids?minSeverity=5", SessionCookie.BACKGROUND, "refresh");
        assertEquals(200, ids.statusCode());
        assertTrue(ids.body().contains("\"total\":3"), ids.body());
        assertTrue(ids.body().contains("\"urgent\":[\"00000000-0000-0000-0000-000000000001\""), ids.body());
        assertFalse(ids.body().contains("alert number"), "no content: " + ids.body());
        assertEquals(before, console.audit.latest(1000).size(), "nothing audited");
    }

    @Test
    void badFiltersGetAPlainMessageNotAnAlarm() throws Exception {
        var response = console.client(Role.DSL).get("/inbox?minSeverity=abc");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("class=\"notice\" role=\"status\""), response.body());
        assertTrue(response.body().contains("minSeverity: &#39;abc&#39; is not a whole number")
                || response.body().contains("minSeverity: 'abc' is not a whole number"), response.body());
        assertFalse(response.body().contains("class=\"error\""), "not styled as an error or imminent risk");
    }
}
