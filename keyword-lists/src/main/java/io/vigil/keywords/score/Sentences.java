package io.vigil.keywords.score;

import io.vigil.keywords.normalize.NormalizedText;

/**
 * The sentences of one scanned text, as word ranges, so a long message is judged sentence by sentence:
 * a disclosure in the middle of chatter is scored on its own sentence (and its neighbour), weights from
 * unrelated sentences do not add up, and {@code near} windows do not reach across unrelated sentences.
 *
 * <p>A sentence ends at a line break, at {@code . ! ? …} followed by a space or another such mark (so
 * {@code k.y.s}, {@code 3.5}, {@code su!c!de} and {@code site.com} do not end one), and always at the
 * non-Latin full stops and question marks: Urdu {@code ۔}, Arabic {@code ؟}, Devanagari/Bengali
 * {@code । ॥}, Gujarati/Gurmukhi use the same danda, CJK {@code 。}, fullwidth {@code ！ ？}.
 */
final class Sentences {

    /** A sentence needs this many words to stand alone; shorter fragments join the next sentence. */
    private static final int MIN_WORDS = 3;

    /** One sentence for the whole text: the common case, no per-word array. */
    private static final Sentences ONE = new Sentences(null, 1, new int[] {0}, new int[] {Integer.MAX_VALUE});

    private final int[] sentenceOfWord;
    private final int count;
    private final int[] firstWord;
    private final int[] lastWord;

    private Sentences(int[] sentenceOfWord, int count, int[] firstWord, int[] lastWord) {
        this.sentenceOfWord = sentenceOfWord;
        this.count = count;
        this.firstWord = firstWord;
        this.lastWord = lastWord;
    }

    /** The whole text as one sentence. */
    static Sentences one() {
        return ONE;
    }

    static Sentences of(NormalizedText n) {
        String text = n.original();
        int words = n.tokenCount();
        if (words < 2 || !hasBoundary(text)) {
            return ONE;
        }
        int[] sentence = new int[words];
        int current = 0;
        int wordsInCurrent = 0;
        int lastEnd = 0;
        for (int w = 0; w < words; w++) {
            int start = n.originalStart(n.tokenStart(w));
            // A fragment of one or two words ("13?", "lol.") is read with the sentence after it: chat
            // splits one thought across lines, and a pair of sentences should still see it whole.
            if (w > 0 && wordsInCurrent >= MIN_WORDS && boundaryBetween(text, lastEnd, start)) {
                current++;
                wordsInCurrent = 0;
            }
            wordsInCurrent++;
            sentence[w] = current;
            lastEnd = n.originalEnd(n.tokenEnd(w) - 1);
        }
        int count = current + 1;
        int[] first = new int[count];
        int[] last = new int[count];
        for (int w = words - 1; w >= 0; w--) {
            first[sentence[w]] = w;
        }
        for (int w = 0; w < words; w++) {
            last[sentence[w]] = w;
        }
        return new Sentences(sentence, count, first, last);
    }

    int count() {
        return count;
    }

    int sentenceOf(int word) {
        return sentenceOfWord == null ? 0 : sentenceOfWord[word];
    }

    int firstWord(int sentence) {
        return firstWord[sentence];
    }

    /** The last word of {@code sentence}; for the single-sentence case, past any word. */
    int lastWord(int sentence) {
        return lastWord[sentence];
    }

    /** The last word a window starting at {@code word} may reach: the end of the next sentence. */
    int reachOf(int word) {
        if (sentenceOfWord == null) {
            return Integer.MAX_VALUE;
        }
        return lastWord[Math.min(count - 1, sentenceOfWord[word] + 1)];
    }

    private static boolean hasBoundary(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isAlwaysEnd(text.charAt(i)) || isEndIfSpaced(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** True when the gap between two words, original offsets {@code [from, to)}, ends a sentence. */
    private static boolean boundaryBetween(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isAlwaysEnd(c)) {
                return true;
            }
            if (isEndIfSpaced(c) && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))
                    || isEndIfSpaced(text.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAlwaysEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u06D4' || c == '\u061F' || c == '\u0964' || c == '\u0965'
                || c == '\u3002' || c == '\uFF01' || c == '\uFF1F';
    }

    private static boolean isEndIfSpaced(char c) {
        return c == '.' || c == '!' || c == '?' || c == '\u2026';
    }
}
