package io.vigil.keywords.score;

import io.vigil.keywords.Fixtures;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.Verdict;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long messages are judged sentence by sentence: chatter neither hides a disclosure nor adds weight to it. */
class SentenceScoringTest {

    private final KeywordEngine engine = Fixtures.basic();

    private static final String CHATTER = "we went to the shops after school and got chips, then maths homework took ages. ";

    @Test
    void weightsInUnrelatedSentencesDoNotAddUp() {
        assertTrue(engine.scan("nobody likes you, loser").alert(), "one sentence: 5 + 5 reaches 10");
        String apart = "nobody likes you at the party. " + CHATTER + CHATTER + "the film was about a loser who wins.";
        assertFalse(engine.scan(apart).alert(), "four sentences apart must not add up");
    }

    @Test
    void adjacentSentencesStillCombine() {
        assertTrue(engine.scan("honestly nobody likes you. you are such a loser").alert());
    }

    @Test
    void nearWindowsDoNotStraddleUnrelatedSentences() {
        assertTrue(engine.scan("i want to kill myself. the pills are tonight").ruleIds().contains("su.plan"));
        String apart = "i could kill myself laughing at that video. " + CHATTER + "mum takes her pills tonight after tea.";
        assertFalse(engine.scan(apart).ruleIds().contains("su.plan"), "window reached across unrelated sentences");
    }

    @Test
    void aDisclosureInTheMiddleOfChatterIsJudgedOnItsOwnSentenceAndTheSnippetCentresOnIt() {
        String text = CHATTER + CHATTER + "sometimes i self harm when it gets bad. " + CHATTER + CHATTER + CHATTER;
        Verdict v = engine.scan(text);
        assertEquals("self_harm", v.category());
        assertTrue(v.snippet().contains("sometimes i self harm when it gets bad"), v.snippet());
        assertTrue(v.snippet().length() <= Verdict.MAX_SNIPPET_CHARS);
        CategoryResult r = engine.explain(text).categories().getFirst();
        assertTrue(r.decisions().getFirst().startsWith("scored on sentences 2-3 of 6"), r.decisions().toString());
    }

    @Test
    void nonLatinFullStopsEndSentences() {
        String urdu = "nobody likes you yaar ۔ " + "kal school gaye aur chips khaye ۔ " + "ammi ne khana banaya ghar pe ۔ "
                + "film mein ek loser tha";
        assertFalse(engine.scan(urdu).alert());
    }

    @Test
    void dotsInsideWordsAndNumbersDoNotEndSentences() {
        assertTrue(engine.scan("k.y.s").alert());
        assertTrue(engine.scan("nobody likes you 3.5 loser").alert());
    }
}
