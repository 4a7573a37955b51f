package io.vigil.keywords.score;

import io.vigil.keywords.Fixtures;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringTest {

    private final KeywordEngine engine = Fixtures.basic();

    private CategoryResult category(ScanReport report, String id) {
        return report.categories().stream().filter(c -> c.category().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void weightedRulesAlertOnlyWhenTheirSumReachesTheThreshold() {
        CategoryResult below = category(engine.explain("you loser"), "bullying");
        assertFalse(below.alert());
        assertEquals(5, below.score());
        assertEquals(10, below.threshold());
        CategoryResult reached = category(engine.explain("nobody likes you, loser"), "bullying");
        assertTrue(reached.alert());
        assertEquals(10, reached.score());
    }

    @Test
    void eachRuleCountsOncePerText() {
        CategoryResult r = category(engine.explain("loser loser loser"), "bullying");
        assertFalse(r.alert());
        assertEquals(5, r.score());
        assertEquals(3, r.rules().getFirst().matches().size());
    }

    @Test
    void bannedRuleAlertsAloneAndCountsAsAFullThreshold() {
        Verdict v = engine.scan("kys");
        assertTrue(v.alert());
        assertEquals(10, v.score());
        assertEquals(4, v.severity());
    }

    @Test
    void combinationEscalatesSeverity() {
        Verdict plain = engine.scan("I want to say kms");
        Verdict plan = engine.scan("kms, kill myself with the pills tonight");
        assertEquals(4, plain.severity());
        assertEquals(5, plan.severity());
        assertTrue(plan.ruleIds().contains("su.plan"));
    }

    @Test
    void highestSeverityWinsAcrossCategories() {
        Verdict v = engine.scan("nobody likes you loser, I want to say kms");
        assertEquals("suicide", v.category());
        assertEquals(4, v.severity());
    }

    @Test
    void equalSeverityIsDecidedByTheHigherScore() {
        Verdict v = engine.scan("kms, kys loser");
        assertEquals("bullying", v.category());
        assertEquals(15, v.score());
    }

    @Test
    void explanationListsRuleHitsWithOriginalOffsets() {
        String text = "Honestly... I feel SUICIDAL";
        ScanReport report = engine.explain(text);
        RuleHit hit = category(report, "suicide").rules().getFirst();
        assertEquals("su.suicid", hit.ruleId());
        Span span = hit.matches().getFirst();
        assertEquals("SUICIDAL", text.substring(span.start(), span.end()));
        assertEquals(span.start(), report.verdict().matchStart());
        assertEquals(span.end(), report.verdict().matchEnd());
        assertEquals("honestly i feel suicidal", report.normalized());
    }

    @Test
    void explanationRecordsWhichExceptionCancelledWhichMatch() {
        String text = "suicide squad was good";
        ScanReport report = engine.explain(text);
        assertFalse(report.verdict().alert());
        CategoryResult r = category(report, "suicide");
        assertEquals(List.of(), r.rules());
        Cancellation c = r.cancelled().getFirst();
        assertEquals("su.suicid", c.ruleId());
        assertEquals("su.squad", c.exceptionId());
        assertEquals("suicide", text.substring(c.span().start(), c.span().end()));
    }

    @Test
    void exceptionOnlyCancelsMatchesItCovers() {
        Verdict v = engine.scan("suicide squad is fine but I am suicidal");
        assertTrue(v.alert());
        assertEquals(List.of("su.suicid"), v.ruleIds());
        assertEquals("suicidal", "suicide squad is fine but I am suicidal".substring(v.matchStart(), v.matchEnd()));
    }

    @Test
    void exceptionWithAppliesLeavesOtherRulesAlone() {
        CategoryResult r = category(engine.explain("cutting my hair, cut my arms"), "self_harm");
        assertEquals(List.of("sh.cut-arms"), r.rules().stream().map(RuleHit::ruleId).toList());
        assertEquals("sh.hair", r.cancelled().getFirst().exceptionId());
    }

    @Test
    void nearComponentInsideAnExceptionDoesNotCount() {
        assertTrue(engine.scan("you are ugly and fat").alert());
        ScanReport report = engine.explain("ugly fat cat");
        assertFalse(report.verdict().alert());
        assertEquals("bu.fat-cat", category(report, "bullying").cancelled().getFirst().exceptionId());
    }

    @Test
    void nearMatchInsideSpelledOutLettersCoversEveryComponent() {
        String text = "you are f a t u g l y";
        Verdict v = engine.scan(text);
        assertEquals(List.of("bu.ugly-fat"), v.ruleIds());
        assertEquals("f a t u g l y", text.substring(v.matchStart(), v.matchEnd()));
    }

    @Test
    void snippetIsBoundedCutAtWordsAndTakenFromTheOriginal() {
        String filler = "the quick brown fox jumps over the lazy dog ".repeat(20);
        String text = filler + "I want to KILL   MYSELF" + " " + filler;
        Verdict v = engine.scan(text);
        assertTrue(v.snippet().length() <= Verdict.MAX_SNIPPET_CHARS, v.snippet());
        assertTrue(v.snippet().contains("KILL   MYSELF"));
        assertTrue(text.contains(v.snippet()));
        String before = text.substring(0, text.indexOf(v.snippet()));
        assertTrue(before.isEmpty() || before.endsWith(" "), "snippet must start at a word boundary");
        String after = text.substring(text.indexOf(v.snippet()) + v.snippet().length());
        assertTrue(after.isEmpty() || after.startsWith(" "), "snippet must end at a word boundary");
    }
}
