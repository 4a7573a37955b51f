package io.vigil.keywords;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Never out a child: identity and health words alone never alert, only with a hostile or harmful predicate. */
class IdentityWordsTest {

    private final KeywordEngine engine = KeywordEngine.bundled();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            i'm gay
            i think i might be gay
            am i gay quiz
            i think im trans
            im bi and my parents dont know
            she's a lesbian
            being gay is fine
            my friend came out as trans
            i want to come out to my parents as gay
            my brother is autistic
            i'm autistic
            i'm depressed
            i feel so depressed today
            i have adhd and anxiety
            im bipolar
            im a muslim
            gay people and muslims and jews and trans people were all at pride
            lesbians and gays in history lesson
            jestem gejem
            sanirim escinselim
            soy gay
            eu sou gay
            """)
    void identityAndHealthWordsAloneNeverAlert(String text) {
        Verdict v = engine.scan(text);
        assertFalse(v.alert(), () -> text + " -> " + v);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            gays should die
            trans people are disgusting
            """)
    void withAHostilePredicateTheyAlert(String text) {
        assertTrue(engine.scan(text).alert(), text);
    }

    @Test
    void harmDisclosedByAnLgbtPupilStillAlertsOnTheHarm() {
        Verdict v = engine.scan("im gay and i want to die");
        assertEquals("suicide", v.category());
    }
}
