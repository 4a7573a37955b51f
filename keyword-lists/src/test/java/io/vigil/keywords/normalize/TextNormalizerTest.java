package io.vigil.keywords.normalize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    private String norm(String s) {
        return normalizer.normalize(s).normalized();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # trick                 | input                 | normalised
            NFKC fullwidth          | Ｓｕｉｃｉｄｅ            | suicide
            NFKC ligature           | ﬁne                   | fine
            NFKC maths letters      | 𝐬𝐮𝐢𝐜𝐢𝐝𝐞               | suicide
            NFKC circled letters    | ⓢⓤⓘⓒⓘⓓⓔ               | suicide
            case folding            | SUICIDE               | suicide
            case folding sharp s    | STRASSE straße        | strasse strasse
            dotted capital I        | İstanbul              | istanbul
            diacritics              | Café Naïve            | cafe naive
            Cyrillic look-alikes    | ѕuісіdе               | suicide
            Greek look-alikes       | sεlf hαrm             | self harm
            Greek capitals          | ΚΙLL                  | kill
            leet digits             | 5u1c1d3               | suicide
            leet symbols            | $elf h@rm             | self harm
            leet exclamation        | su!c!de               | suicide
            leet mixed              | k1ll                  | kill
            letter spacing          | s e l f h a r m       | selfharm
            letter spacing dots     | s.e.l.f               | self
            letter spacing leet     | 5 u 1 c 1 d 3         | suicide
            stretched to one        | diiiie                | die
            stretched double        | killlll               | kil
            stretched vowel         | feeeel                | fel
            stretched twice         | hopeleeessss          | hopeles
            real doubles kept       | kill feel hopeless    | kill feel hopeless
            apostrophe joins        | don't                 | dont
            curly apostrophe        | can’t                 | cant
            quotes are not words    | ‘quoted’              | quoted
            punctuation separates   | kill...myself         | kill myself
            dash separates          | self-harm             | self harm
            emoji is a word         | ok🔪🔪                 | ok 🔪 🔪
            emoji tone dropped      | ✋🏻                    | ✋
            emoji selector dropped  | ❤️                    | ❤
            ZWJ family splits       | 👨‍👩‍👧                  | 👨 👩 👧
            whitespace collapses    | '  a   lot  '         | a lot
            """)
    void eachTrickNormalises(String trick, String input, String expected) {
        assertEquals(expected, norm(input), trick);
    }

    @ParameterizedTest(name = "[{index}] {0} stays {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2 pills                 | 2 pills
            at 3am                  | at 3am
            £50                     | 50
            $50                     | 50
            50mg                    | 50mg
            1000                    | 1000
            1st 2nd 3rd             | 1st 2nd 3rd
            4ever                   | 4ever
            help!                   | help
            hi!!!                   | hi
            c++                     | c
            1 2 3                   | 1 2 3
            a b                     | a b
            10:30pm                 | 10 30pm
            """)
    void leetspeakLeavesNumbersAndPunctuationAlone(String input, String expected) {
        assertEquals(expected, norm(input));
    }

    @Test
    void invisibleAndControlCharactersDoNotSplitWords() {
        assertEquals("self", norm("s\u00ADelf"));
        assertEquals("kms", norm("k\u200Dms"));
        assertEquals("suicide", norm("sui\u200Bcide"));
        assertEquals("word", norm("wo\u0000rd"));
        assertEquals("e", norm("e\u0301"));
        assertEquals("", norm("\u200B\u200C\uFEFF"));
    }

    @Test
    void offsetsMapEveryCharacterBackToTheOriginal() {
        String original = "Ｉ  ｗａｎｔ  su!c!de";
        NormalizedText n = normalizer.normalize(original);
        assertEquals("i want suicide", n.normalized());
        int s = n.normalized().indexOf("suicide");
        assertEquals(original.indexOf("su!c!de"), n.originalStart(s));
        assertEquals(original.length(), n.originalEnd(s + "suicide".length() - 1));
        assertEquals(0, n.originalStart(0));
        assertEquals(1, n.originalEnd(0));
    }

    @Test
    void squeezedLetterCoversTheWholeRunAndIsFlagged() {
        String original = "I want to diiiiie";
        NormalizedText n = normalizer.normalize(original);
        int i = n.normalized().indexOf("die") + 1;
        assertTrue(n.hasFlag(i, NormalizedText.STRETCHED));
        assertFalse(n.hasFlag(i - 1, NormalizedText.STRETCHED));
        assertEquals(original.indexOf('i', 10), n.originalStart(i));
        assertEquals(original.lastIndexOf('i') + 1, n.originalEnd(i));
    }

    @Test
    void surrogatePairEmojiMapsToItsFullOriginalSpan() {
        String original = "a 🔪 b";
        NormalizedText n = normalizer.normalize(original);
        assertEquals(2, n.originalStart(2));
        assertEquals(4, n.originalEnd(3));
    }

    @Test
    void spacedLettersMakeEveryPositionABoundary() {
        NormalizedText n = normalizer.normalize("i w a n t t o d i e");
        assertEquals("iwanttodie", n.normalized());
        assertEquals(1, n.tokenCount());
        for (int i = 0; i <= n.length(); i++) {
            assertTrue(n.isBoundary(i), "position " + i);
        }
        NormalizedText plain = normalizer.normalize("wanttodie");
        assertFalse(plain.isBoundary(4));
    }

    @Test
    void tokensAreWordsSeparatedBySingleSpaces() {
        NormalizedText n = normalizer.normalize("  one,two  three ");
        assertEquals(3, n.tokenCount());
        assertEquals("one two three", n.normalized());
        assertEquals(4, n.tokenStart(1));
        assertEquals(7, n.tokenEnd(1));
        assertEquals(1, n.tokenOf(5));
        assertEquals(0, n.tokenOf(3), "a separating space belongs to the word before it");
        assertEquals(2, n.tokenOf(n.length() - 1));
    }

    @Test
    void emptyAndPunctuationOnlyTextNormaliseToNothing() {
        assertEquals(0, normalizer.normalize("").tokenCount());
        assertEquals(0, normalizer.normalize("... !!! ---").tokenCount());
    }
}
