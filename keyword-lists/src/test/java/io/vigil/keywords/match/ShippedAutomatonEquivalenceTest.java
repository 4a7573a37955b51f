package io.vigil.keywords.match;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.model.CategoryList;
import io.vigil.keywords.model.Rule;
import io.vigil.keywords.normalize.NormalizedText;
import io.vigil.keywords.normalize.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped lists' automaton, built compact (as production builds it) and as the old full table, finds
 * the same keys at the same positions in the same order on every line of every corpus. The pattern index
 * and the scorer see nothing but these hits, so the verdicts are the same too.
 */
class ShippedAutomatonEquivalenceTest {

    private static final List<String> CORPORA = List.of("/corpus/labelled.tsv", "/corpus/holdout2.tsv",
            "/corpus/holdout3.tsv", "/corpus/holdout4.tsv", "/corpus/languages.tsv", "/corpus/holdout5.tsv");

    @Test
    void compactAndFullTableAutomataAgreeOnEveryCorpusLine() throws Exception {
        TextNormalizer normalizer = new TextNormalizer();
        List<String> keys = PatternIndex.automatonKeys(shippedPatterns(normalizer));
        Automaton compact = Automaton.build(keys);
        DenseAutomaton full = DenseAutomaton.build(keys);
        assertTrue(compact.footprintBytes() * 5 < full.footprintBytes(),
                "compact " + compact.footprintBytes() + " bytes vs full table " + full.footprintBytes());

        int lines = 0;
        int hits = 0;
        for (String text : corpusLines()) {
            NormalizedText n = normalizer.normalize(text);
            String normalized = n.normalized();
            List<String> expected = AutomatonEquivalenceTest.hits(full, normalized);
            assertEquals(expected, AutomatonEquivalenceTest.hits(compact, normalized), text);
            lines++;
            hits += expected.size();
        }
        assertTrue(lines > 1000 && hits > 1000, lines + " lines, " + hits + " hits: the corpus must exercise matches");
    }

    private static List<CompiledPattern> shippedPatterns(TextNormalizer normalizer) throws PatternException {
        PatternCompiler compiler = new PatternCompiler(normalizer);
        Set<String> raw = new LinkedHashSet<>();
        for (CategoryList list : KeywordEngine.bundled().lists().lists()) {
            for (Rule r : list.rules()) {
                raw.addAll(r.patterns());
            }
        }
        List<CompiledPattern> patterns = new ArrayList<>();
        for (String p : raw) {
            patterns.add(compiler.compile(p));
        }
        return patterns;
    }

    private static List<String> corpusLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String corpus : CORPORA) {
            try (InputStream in = ShippedAutomatonEquivalenceTest.class.getResourceAsStream(corpus)) {
                if (in == null) {
                    continue;
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.startsWith("#") && !line.isBlank()) {
                        lines.add(line.substring(line.lastIndexOf('\t') + 1));
                    }
                }
            }
        }
        return lines;
    }
}
