package io.vigil.keywords.match;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AutomatonTest {

    private static List<String> hits(List<String> keys, String text) {
        List<String> out = new ArrayList<>();
        Automaton.build(keys).scan(text.toCharArray(), text.length(),
                (k, end) -> out.add(keys.get(k) + "@" + (end - keys.get(k).length())));
        return out;
    }

    @Test
    void findsOverlappingAndNestedKeysInOnePass() {
        assertEquals(List.of("she@0", "he@1", "hers@1"), hits(List.of("he", "she", "his", "hers"), "shers"));
    }

    @Test
    void reportsKeysThatAreSuffixesOfOthersThroughDictionaryLinks() {
        assertEquals(List.of("a@0", "aa@0", "a@1", "aaa@0", "aa@1", "a@2"), hits(List.of("a", "aa", "aaa"), "aaa"));
    }

    @Test
    void charactersOutsideTheAlphabetResetToTheRoot() {
        assertEquals(List.of("kms@4"), hits(List.of("kms"), "km#skms"));
        assertEquals(List.of(), hits(List.of("kms"), "k\u00e9ms"));
    }

    @Test
    void duplicateKeysAreBothReported() {
        assertEquals(List.of("kil@0", "kil@0"), hits(List.of("kil", "kil"), "kil"));
    }

    @Test
    void emojiKeysMatchAcrossSurrogatePairs() {
        assertEquals(List.of("🔪@2"), hits(List.of("🔪", "💊"), "a 🔪 b"));
    }

    @Test
    void agreesWithNaiveSearchOnRandomInput() {
        Random random = new Random(42);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(randomWord(random, 1 + random.nextInt(6)));
        }
        String text = randomWord(random, 5000);
        Automaton automaton = Automaton.build(keys);
        TreeSet<String> found = new TreeSet<>();
        automaton.scan(text.toCharArray(), text.length(), (k, end) -> found.add(k + ":" + end));
        TreeSet<String> expected = new TreeSet<>();
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            for (int i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
                expected.add(k + ":" + (i + key.length()));
            }
        }
        assertEquals(expected, found);
        assertTrue(expected.size() > 1000, "the random case must actually exercise matches");
    }

    @Test
    void refusesEmptyKeys() {
        assertThrows(IllegalArgumentException.class, () -> Automaton.build(List.of("")));
    }

    private static String randomWord(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(4)));
        }
        return sb.toString();
    }
}
