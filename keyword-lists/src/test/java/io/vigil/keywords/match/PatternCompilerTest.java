package io.vigil.keywords.match;

import io.vigil.keywords.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PatternCompilerTest {

    private final PatternCompiler compiler = new PatternCompiler(new TextNormalizer());

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            suicid*              | suicid*
            Kill   Myself        | kill myself
            cut* my arm*         | cut* my arm*
            self-harm            | self harm
            🔪                   | 🔪
            can't go on          | cant go on
            """)
    void patternsAreNormalisedLikeText(String raw, String compiled) throws PatternException {
        assertEquals(compiled, compiler.compile(raw).toString());
    }

    @Test
    void phraseGetsAJoinedFormAndInnerPrefixesSplitIntoSegments() throws PatternException {
        assertEquals(List.of(List.of(new CompiledPattern.Literal("self harm", false)),
                        List.of(new CompiledPattern.Literal("selfharm", false))),
                compiler.compile("self harm").forms());
        assertEquals(List.of(List.of(new CompiledPattern.Literal("cut", true), new CompiledPattern.Literal("my arm", true))),
                compiler.compile("cut* my arm*").forms());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            su*cide  | bad * in pattern "su*cide": * is only allowed at the end of a word
            ki*      | bad * in pattern "ki*": the stem before * must be at least 3 characters
            *        | bad * in pattern "*": * must follow a stem of at least 3 letters or digits
            '...!!'  | pattern "...!!" can never match: nothing is left after normalisation (only punctuation or invisible characters)
            """)
    void badPatternsAreRefusedWithAReason(String raw, String message) {
        PatternException e = assertThrows(PatternException.class, () -> compiler.compile(raw));
        assertEquals(message, e.getMessage());
    }

    @Test
    void zeroWidthOnlyPatternCanNeverMatch() {
        assertThrows(PatternException.class, () -> compiler.compile("\u200B\u200D"));
    }
}
