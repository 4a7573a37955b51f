package io.vigil.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AlertExplainerTest {

    private static final KeywordEngine LISTS = KeywordEngine.bundled();
    private final AlertExplainer explainer = new AlertExplainer(LISTS);

    /** An alert exactly as an agent would raise it from {@code typed}, with the verdict's rule ids. */
    private static StoredAlert raised(String typed) {
        Verdict v = LISTS.scan(typed);
        assertTrue(v.alert(), "the lists must alert on: " + typed);
        Instant at = Instant.parse("2026-11-23T09:00:00Z");
        return new StoredAlert(1, "00000000-0000-0000-0000-000000000001", "dev", "LAPTOP", 1, 1, v.category(),
                v.severity(), v.score(), v.ruleIds(), v.snippet(), "Discord", "general", "", "pupil.one", at, at,
                "keyboard", LISTS.version(), AlertStatus.NEW, v.language());
    }

    private static String marked(AlertExplainer.Explanation e) {
        return e.snippet().stream().map(s -> s.matched() ? "[" + s.text() + "]" : s.text())
                .collect(Collectors.joining());
    }

    @Test
    void aStatementWithATimeIsExplainedAsImminentRiskAndItsWordsAreMarked() {
        var e = explainer.explain(raised("i just want to kill myself tonight"));
        String reasons = String.join("\n", e.reasons());
        assertTrue(reasons.contains("\u201ckill myself\u201d") && reasons.contains("\u201ctonight\u201d"), reasons);
        assertTrue(reasons.contains("imminent risk"), reasons);
        String marked = marked(e);
        assertTrue(marked.contains("[kill myself") && marked.contains("tonight]"), marked);
        assertEquals("i just want to kill myself tonight", e.snippet().stream().map(AlertExplainer.Segment::text)
                .collect(Collectors.joining()), "segments rebuild the snippet exactly");
    }

    @Test
    void aRuleTheConsoleDoesNotKnowIsSaidPlainly() {
        StoredAlert a = raised("i just want to kill myself tonight");
        StoredAlert newer = new StoredAlert(a.rowId(), a.uuid(), a.deviceId(), a.deviceHostname(), a.schoolId(),
                a.sequence(), a.category(), a.severity(), a.score(), List.of("su.from-newer-lists"), a.snippet(),
                a.app(), a.windowTitle(), a.url(), a.user(), a.occurredAt(), a.receivedAt(), a.source(),
                a.listVersion(), a.status(), a.language());
        assertEquals(List.of("Rule su.from-newer-lists is not in this console's keyword lists (the device may have"
                + " newer lists)."), explainer.explain(newer).reasons());
    }

    @Test
    void markupInTheSnippetStaysTextInItsSegments() {
        var e = explainer.explain(raised("<b>i want to kill myself</b>"));
        assertEquals("<b>i want to [kill myself]</b>", marked(e), "segments hold raw text; the template escapes it");
    }

    @Test
    void overlappingSpansMergeIntoOneMark() {
        TreeMap<Integer, Integer> spans = new TreeMap<>();
        spans.put(2, 6);
        spans.put(4, 9);
        var segments = AlertExplainer.segments("abcdefghijkl", spans);
        assertEquals(List.of(new AlertExplainer.Segment("ab", false), new AlertExplainer.Segment("cdef", true),
                new AlertExplainer.Segment("ghi", true), new AlertExplainer.Segment("jkl", false)), segments);
    }

    @Test
    void aVisitedSiteIsExplainedAsASiteOnTheList() {
        String url = "https://forum.myproana.com/topic/123";
        Verdict v = LISTS.scan(url, io.vigil.keywords.Source.URL);
        Instant at = Instant.parse("2026-11-23T09:00:00Z");
        StoredAlert a = new StoredAlert(1, "00000000-0000-0000-0000-000000000002", "dev", "LAPTOP", 1, 1, v.category(),
                v.severity(), v.score(), v.ruleIds(), v.snippet(), "chromium", url, url, "pupil.one", at, at, "url",
                LISTS.version(), AlertStatus.NEW, v.language());
        assertEquals(List.of("Visited \u201cmyproana.com\u201d (or a part of that site), a site on the list: enough on its"
                + " own to alert, severity 3 " + Severity.label(3).toLowerCase() + " (rule ed.site.myproana)."),
                explainer.explain(a).reasons());
    }
}
