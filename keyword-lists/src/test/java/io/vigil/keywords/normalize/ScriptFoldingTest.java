package io.vigil.keywords.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Per-script folding: one spelling per word whatever the pupil's keyboard, offsets still on the original. */
class ScriptFoldingTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    private String norm(String s) {
        return normalizer.normalize(s).normalized();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # what                         | typed                 | folded
            Arabic hamza-above alef        | أنا                   | انا
            Arabic hamza-below alef        | إنتحار                | انتحار
            Arabic madda alef              | آخر                   | اخر
            Arabic alef wasla              | ٱلله                  | الله
            Arabic tatweel removed         | انـــتحار             | انتحار
            Arabic harakat removed         | أَنْتَحِرُ             | انتحر
            Arabic alef maksura            | على                   | علي
            Arabic teh marbuta             | مدرسة                 | مدرسه
            Urdu keheh and Farsi yeh       | کی                    | كي
            Urdu heh goal                  | ہے                    | هے
            Arabic-Indic digits            | ٣                     | 3
            Polish l with stroke           | Zabiję się łatwo      | zabije sie latwo
            Polish capital L with stroke   | ŁATWO                 | latwo
            Turkish dotless i              | ıslak kız             | islak kiz
            Turkish dotted capital I       | İNTİHAR               | intihar
            Romanian comma below           | sinucidere ștergeți   | sinucidere stergeti
            Romanian cedilla               | şterge ţara           | sterge tara
            URL escapes are spaces         | kill%20myself%21      | kill myself
            URL plus is a space            | q=how+to+self+harm    | q how to self harm
            leet plus still a letter       | h@+e s+ab              | hate stab
            """)
    void foldsEachScriptToOneSpelling(String what, String typed, String folded) {
        assertEquals(folded, norm(typed), what);
    }

    @Test
    void turkishDefaultLocaleDoesNotChangeFolding() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertEquals("kill intihar", new TextNormalizer().normalize("KILL İntihar").normalized());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void offsetsPointAtThePupilsOwnCharacters() {
        String typed = "ok أنـــتحر الليلة";
        NormalizedText n = normalizer.normalize(typed);
        assertEquals("ok انتحر الليله", n.normalized());
        int word = n.normalized().indexOf("انتحر");
        int end = word + "انتحر".length();
        assertEquals("أنـــتحر", typed.substring(n.originalStart(word), n.originalEnd(end - 1)));
        int last = n.length() - 1;
        assertEquals("ة", typed.substring(n.originalStart(last), n.originalEnd(last)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            أنتحر
            انـتحر
            انتحرُ
            zabiję
            łatwo
            ştergeţi
            ıslak
            """)
    void patternsNotInFoldedFormAreNamed(String pattern) {
        assertNotNull(ScriptFolding.unfolded(pattern));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            انتحر
            zabije sie
            kill myself
            🔪
            আত্মহত্যা
            ਖੁਦਕੁਸ਼ੀ
            """)
    void foldedPatternsPass(String pattern) {
        assertNull(ScriptFolding.unfolded(pattern));
    }
}
