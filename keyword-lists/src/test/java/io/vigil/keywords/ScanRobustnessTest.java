package io.vigil.keywords;

import io.vigil.keywords.score.CategoryResult;
import io.vigil.keywords.score.RuleHit;
import io.vigil.keywords.score.ScanReport;
import io.vigil.keywords.score.Span;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property-style: the agent scans whatever a pupil types, so scan must never throw and every offset
 * and snippet must refer to the original text, whatever normalisation did to it.
 */
class ScanRobustnessTest {

    private static final List<KeywordEngine> ENGINES = List.of(Fixtures.basic(), KeywordEngine.bundled());

    /** Pieces that exercise every normalisation path, mixed with rule words so matches happen. */
    private static final String[] PIECES = {
        "kill", "myself", "k", "i", "l", "s", "y", " ", "  ", ".", "-", "'", "’", "_", "#", "suicide", "squad", "cut",
        "cutting", "my", "arm", "hair", "pills", "tonight", "self", "harm", "kms", "kys", "die", "hard", "ugly", "fat",
        "cat", "loser", "🔪", "👨‍👩‍👧", "✋🏻", "❤️", "🇬🇧", "1️⃣", "\u200B", "\u00AD", "\u0301", "\u20E3", "ﬁ", "ﬃ", "Ｋ", "𝐤", "ß",
        "İ", "½", "㎏", "ǆ", "ⓚ", "ѕ", "ο", "\uD800", "\uDC00", "\u0000", "\u0007", "\n", "\r\n", "\t", "\u2028", "\u202E",
        "انتحار", "自殺", "5", "1", "3", "0", "$", "@", "!", "|", "+", "€", "£", "iii", "lll", "2nd", "3am", "e\u0301",
    };

    private static void assertWellFormed(String text, KeywordEngine engine) {
        Verdict v;
        ScanReport report;
        try {
            v = engine.scan(text);
            report = engine.explain(text);
        } catch (RuntimeException e) {
            throw new AssertionError("scan threw on " + describe(text), e);
        }
        assertEquals(v, report.verdict(), () -> "scan and explain disagree on " + describe(text));
        if (!v.alert()) {
            assertEquals(Verdict.NONE, v);
            return;
        }
        String where = describe(text) + " -> " + v;
        assertTrue(0 <= v.matchStart() && v.matchStart() < v.matchEnd() && v.matchEnd() <= text.length(),
                () -> "offsets out of bounds: " + where);
        assertTrue(v.snippet().length() <= Verdict.MAX_SNIPPET_CHARS, () -> "snippet too long: " + where);
        assertTrue(text.contains(v.snippet()), () -> "snippet not taken from the original: " + where);
        if (v.matchEnd() - v.matchStart() <= Verdict.MAX_SNIPPET_CHARS) {
            String match = text.substring(v.matchStart(), v.matchEnd()).strip();
            assertTrue(v.snippet().contains(match), () -> "snippet lost the match: " + where);
        }
        for (CategoryResult c : report.categories()) {
            for (RuleHit h : c.rules()) {
                int previous = -1;
                for (Span s : h.matches()) {
                    assertTrue(0 <= s.start() && s.start() < s.end() && s.end() <= text.length(),
                            () -> h.ruleId() + " span " + s + " out of bounds: " + where);
                    assertTrue(s.start() >= previous, () -> h.ruleId() + " spans out of order: " + where);
                    assertTrue(!splitsPair(text, s.start()) && !splitsPair(text, s.end()),
                            () -> h.ruleId() + " span " + s + " splits a surrogate pair: " + where);
                    previous = s.start();
                }
            }
        }
    }

    private static boolean splitsPair(String text, int offset) {
        return offset > 0 && offset < text.length() && Character.isHighSurrogate(text.charAt(offset - 1))
                && Character.isLowSurrogate(text.charAt(offset));
    }

    private static String describe(String text) {
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().limit(300).forEach(c -> {
            if (c >= 0x20 && c < 0x7F) {
                sb.appendCodePoint(c);
            } else {
                sb.append(String.format("\\u{%x}", c));
            }
        });
        return sb.append(text.length() > 300 ? "...\" (" + text.length() + " chars)" : "\"").toString();
    }

    @Test
    void randomMixturesOfEveryNormalisationPathKeepOffsetsAndSnippetsInTheOriginal() {
        Random random = new Random(20261101);
        for (int i = 0; i < 1500; i++) {
            StringBuilder sb = new StringBuilder();
            int pieces = random.nextInt(random.nextBoolean() ? 30 : 250);
            for (int k = 0; k < pieces; k++) {
                int roll = random.nextInt(20);
                if (roll == 0) {
                    sb.append((char) random.nextInt(0x10000));
                } else if (roll == 1) {
                    sb.appendCodePoint(0x10000 + random.nextInt(0x20000));
                } else {
                    sb.append(PIECES[random.nextInt(PIECES.length)]);
                }
                if (random.nextInt(3) == 0) {
                    sb.append(' ');
                }
            }
            String text = sb.toString();
            ENGINES.forEach(e -> assertWellFormed(text, e));
        }
    }

    @Test
    void adversarialInputsNeverThrowAndStayWellFormed() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("empty", "");
        inputs.put("unpaired high surrogates", "\uD800".repeat(50_000));
        inputs.put("unpaired low surrogates around words", "\uDC00kms\uD800 kill\uDBFF myself\uDFFF".repeat(5_000));
        inputs.put("one letter 100k times", "a".repeat(100_000));
        inputs.put("stretched letters", "kil" + "l".repeat(100_000) + " myself");
        inputs.put("single letters spaced", "k y s ".repeat(20_000));
        inputs.put("one-letter words", "a ".repeat(50_000));
        inputs.put("only punctuation", "!?.,;:-_'\"()[]{}".repeat(6_000));
        inputs.put("only leet symbols", "$@!|+€".repeat(15_000));
        inputs.put("only emoji", "🔪".repeat(50_000));
        inputs.put("emoji with modifiers", "✋🏻❤️👨‍👩‍👧".repeat(10_000));
        inputs.put("RTL text with overrides", "\u202Eانتحار \u202Dkms\u202C".repeat(10_000));
        inputs.put("control characters", "\u0001k\u0002m\u0003s\u0004\u007F\u0085".repeat(10_000));
        inputs.put("combining marks only", "\u0301\u0302\u20E3".repeat(30_000));
        inputs.put("ligatures and fullwidth", "ﬃﬁＫＭＳ㎏½".repeat(15_000));
        inputs.put("repeated phrase", "kill myself ".repeat(10_000));
        inputs.put("repeated exception", "suicide squad ".repeat(10_000));
        inputs.put("repeated near parts", "cut my arm ugly fat cat ".repeat(5_000));
        inputs.put("leet digits", "5u1c1d3 k1ll ".repeat(10_000));
        inputs.put("every BMP char", everyBmpChar());
        inputs.forEach((name, text) -> ENGINES.forEach(e -> {
            try {
                assertWellFormed(text, e);
            } catch (AssertionError failure) {
                fail(name + ": " + failure.getMessage(), failure);
            }
        }));
    }

    private static String everyBmpChar() {
        StringBuilder sb = new StringBuilder(0x10000);
        for (int c = 0; c < 0x10000; c++) {
            sb.append((char) c);
        }
        return sb.toString();
    }

    @Test
    void aMatchOfExactlyTheSnippetSizeIsKeptWhole() {
        String match = "kill" + " ".repeat(Verdict.MAX_SNIPPET_CHARS - 10) + "myself";
        String text = match + ", and more text after it";
        Verdict v = Fixtures.basic().scan(text);
        assertEquals(List.of("su.kill-myself"), v.ruleIds());
        assertEquals(Verdict.MAX_SNIPPET_CHARS, v.matchEnd() - v.matchStart());
        assertEquals(match, v.snippet());
    }
}
