package io.vigil.keywords.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compact automaton (full rows near the root, edges and failure links below) reports exactly
 * what the old full-table automaton reported: same keys, same end positions, same order. The shipped
 * lists and the corpus are held to the same standard in {@code ShippedAutomatonEquivalenceTest}.
 */
class AutomatonEquivalenceTest {

    @Test
    void everyFullRowBudgetGivesTheFullTablesHitsInTheSameOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 30; round++) {
            List<String> keys = new ArrayList<>();
            int alphabet = 2 + random.nextInt(6);
            for (int i = 0; i < 50 + random.nextInt(200); i++) {
                keys.add(word(random, alphabet, 1 + random.nextInt(8)));
            }
            String text = word(random, alphabet + 1, 3000);
            List<String> expected = hits(DenseAutomaton.build(keys), text);
            assertTrue(expected.size() > 100, "the case must exercise matches");
            for (int budget : new int[] {0, 1, alphabet + 1, 50, 400, 1 << 20}) {
                assertEquals(expected, hits(Automaton.build(keys, budget), text), "budget " + budget + ", round " + round);
            }
        }
    }

    @Test
    void deepStatesFallBackThroughSeveralFailureLinks() {
        List<String> keys = List.of("abcd", "bcde", "cdef", "defg", "bc", "cd", "d");
        String text = "abcdefgxabcdxbcdefabcdabcdefg";
        assertEquals(hits(DenseAutomaton.build(keys), text), hits(Automaton.build(keys, 0), text));
        assertEquals(hits(DenseAutomaton.build(keys), text), hits(Automaton.build(keys, 16), text));
    }

    static List<String> hits(DenseAutomaton automaton, String text) {
        List<String> out = new ArrayList<>();
        automaton.scan(text.toCharArray(), text.length(), (k, end) -> out.add(k + "@" + end));
        return out;
    }

    static List<String> hits(Automaton automaton, String text) {
        List<String> out = new ArrayList<>();
        automaton.scan(text.toCharArray(), text.length(), (k, end) -> out.add(k + "@" + end));
        return out;
    }

    private static String word(Random random, int alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(alphabet)));
        }
        return sb.toString();
    }
}
