package io.vigil.keywords.score;

import io.vigil.keywords.match.PatternHit;
import io.vigil.keywords.model.CategoryList;
import io.vigil.keywords.model.ListHeader;
import io.vigil.keywords.model.Rule;
import io.vigil.keywords.model.RuleKind;
import io.vigil.keywords.normalize.NormalizedText;
import io.vigil.keywords.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scan cost must grow linearly with the hits, not with their square: a pupil (or a stuck key) can
 * produce a line repeating one word thousands of times. Counted in list reads rather than timed, so
 * the test is exact on any machine.
 */
class ScanCostTest {

    /** A list that counts how often its elements are read. */
    private static final class CountingList<T> extends AbstractList<T> {
        private final List<T> inner;
        long reads;

        CountingList(List<T> inner) {
            this.inner = inner;
        }

        @Override
        public T get(int index) {
            reads++;
            return inner.get(index);
        }

        @Override
        public int size() {
            return inner.size();
        }
    }

    @Test
    void nearWindowsReadEachHitAFewTimesNotOncePerAnchor() {
        int n = 5_000;
        List<NearWindows.WordHit> first = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            first.add(new NearWindows.WordHit(w, w, w * 2, w * 2 + 1));
        }
        CountingList<NearWindows.WordHit> counted = new CountingList<>(first);
        List<NearWindows.WordHit> missing = List.of(new NearWindows.WordHit(n + 100, n + 100, 3 * n, 3 * n + 1));
        assertEquals(List.of(), NearWindows.find(List.of(counted, missing), 5, Sentences.one()));
        assertTrue(counted.reads <= 10L * n, "read " + counted.reads + " times for " + n + " hits");
    }

    @Test
    void nearWindowsStillFindEveryWindowAfterTheSpeedUp() {
        List<NearWindows.WordHit> cut = List.of(new NearWindows.WordHit(0, 0, 0, 3), new NearWindows.WordHit(10, 10, 40, 43));
        List<NearWindows.WordHit> arm = List.of(new NearWindows.WordHit(3, 4, 10, 16), new NearWindows.WordHit(7, 8, 30, 36));
        assertEquals(List.of(new NearWindows.Window(0, 16, 0), new NearWindows.Window(30, 43, 7)),
                NearWindows.find(List.of(cut, arm), 5, Sentences.one()));
        assertEquals(List.of(new NearWindows.Window(30, 43, 7)), NearWindows.find(List.of(cut, arm), 4, Sentences.one()),
                "words 0-4 need a 5-word window; words 7-10 fit in 4");
        assertEquals(List.of(), NearWindows.find(List.of(cut, arm), 3, Sentences.one()));
    }

    @Test
    void exceptionsAreCheckedWithoutReadingEveryExceptionMatchForEveryRuleMatch() {
        int n = 3_000;
        NormalizedText text = new TextNormalizer().normalize("suicide squad ".repeat(n));
        List<PatternHit> rule = new ArrayList<>();
        List<PatternHit> squad = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rule.add(new PatternHit(0, i * 14, i * 14 + 7));
            squad.add(new PatternHit(1, i * 14, i * 14 + 13));
        }
        CountingList<PatternHit> counted = new CountingList<>(squad);
        Rule term = new Rule(RuleKind.TERM, "su.suicid", "suicide", Rule.BANNED, 4, 0, List.of("suicid*"), List.of(), 1);
        Rule except = new Rule(RuleKind.EXCEPT, "su.squad", "suicide", 0, 0, 0, List.of("suicide squad"), List.of(), 2);
        CategoryList list = new CategoryList("suicide.vkl", new ListHeader("suicide", "Suicide", 4, 10, "en", "1"),
                List.of(term, except));
        CategoryScorer scorer = new CategoryScorer(text, Map.of(0, rule, 1, counted), Sentences.one(), Cues.NONE);
        CategoryResult result = scorer.score(list, List.of(new CompiledRule(term, 0, new int[] {0}, Set.of())),
                List.of(new CompiledRule(except, 0, new int[] {1}, Set.of())));
        assertEquals(List.of(), result.rules());
        assertEquals(n, result.cancelled().size());
        assertTrue(counted.reads <= 10L * n, "read " + counted.reads + " times for " + n + " matches");
    }
}
