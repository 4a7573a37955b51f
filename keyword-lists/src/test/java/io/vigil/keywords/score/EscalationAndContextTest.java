package io.vigil.keywords.score;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imminent risk is a combination (intent + means + time or farewell; weapon + target + day), in any order
 * within one sentence or adjacent ones; context lowers severity to 2 but never hides, and first-person
 * intent or fiction framing never lets it lower a disclosure. Run against the shipped lists.
 */
class EscalationAndContextTest {

    private final KeywordEngine engine = KeywordEngine.bundled();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            im going to do it tonight with mums tablets
            the bridge. thats where ill end it this weekend
            tonight ill take all my pills, goodbye everyone
            ive got the blade ready, going to cut deeper tonight
            gonna bring my knife tomorrow and use it on him
            taking a machete to school on monday
            """)
    void intentMeansAndTimeInAnyOrderIsRatedFive(String text) {
        Verdict v = engine.scan(text);
        assertTrue(v.alert(), text);
        assertEquals(5, v.severity(), () -> text + " -> " + v);
    }

    @Test
    void explainNamesTheEscalation() {
        CategoryResult r = engine.explain("im going to do it tonight with mums tablets").categories().stream()
                .filter(c -> c.category().equals("suicide")).findFirst().orElseThrow();
        assertTrue(r.decisions().stream().anyMatch(d -> d.startsWith("escalation su.imminent")), r.decisions().toString());
    }

    @Test
    void partsInUnrelatedSentencesDoNotEscalate() {
        String text = "i want to end it. " + "we did the history project on the railway and it took ages. "
                + "mum baked a cake and we watched a film together. " + "see you tonight at the match";
        assertTrue(engine.scan(text).severity() < 5, engine.scan(text).toString());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            in pshe we learned the warning signs that someone might be suicidal
            how do i help my friend who self harms
            i called childline about my friend who wants to kill herself
            """)
    void contextKeepsTheAlertVisibleButCalm(String text) {
        Verdict v = engine.scan(text);
        assertTrue(v.severity() <= CategoryScorer.CONTEXT_CAP, () -> text + " -> " + v);
    }

    @Test
    void firstPersonIntentLiftsTheContextCap() {
        String text = "i called childline but im going to kill myself tonight anyway";
        Verdict v = engine.scan(text);
        assertEquals(5, v.severity(), v.toString());
        List<String> decisions = engine.explain(text).categories().stream()
                .filter(c -> c.category().equals("suicide")).findFirst().orElseThrow().decisions();
        assertTrue(decisions.stream().anyMatch(d -> d.contains("not applied: first-person intent")), decisions.toString());
    }

    @Test
    void contextCapIsNamedInExplain() {
        List<String> decisions = engine.explain("how do i help my friend who self harms").categories().stream()
                .filter(c -> c.category().equals("self_harm")).findFirst().orElseThrow().decisions();
        assertTrue(decisions.stream().anyMatch(d -> d.startsWith("help context (c.help-my-friend)")), decisions.toString());
    }

    @Test
    void fictionFramingNeverHidesAFirstPersonDisclosure() {
        Verdict v = engine.scan("for my story homework i wrote about how i cut myself every night");
        assertTrue(v.alert() && v.severity() >= 4, v.toString());
    }

    @Test
    void contextInANeighbouringSentenceDoesNotLowerADisclosure() {
        Verdict v = engine.scan("we had a childline assembly today. my dad hits me when he is drunk");
        assertTrue(v.alert() && v.severity() >= 3, v.toString());
    }
}
