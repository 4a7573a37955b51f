package io.vigil.keywords.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds windows of at most N words that contain a hit of every pattern of a {@code near} rule, in
 * any order. Any valid window has a leftmost hit, so trying each hit as the left anchor and asking
 * every other pattern for a hit inside {@code [anchor, anchor + N)} finds all of them.
 *
 * <p>Linear in the hits, not quadratic: only the first anchor of each word is tried (the others in
 * that word end no earlier, so they fit or fail alike), and each pattern's hits are sorted by word so
 * only the hits inside the window are looked at. A text repeating a near rule's words thousands of
 * times used to take seconds.
 */
final class NearWindows {

    /** A hit measured in words. */
    record WordHit(int startWord, int endWord, int start, int end) {
    }

    /** A window found: normalised span from the first component's start to the last component's end. */
    record Window(int start, int end, int startWord) {
    }

    private static final Comparator<WordHit> BY_WORDS =
            Comparator.comparingInt(WordHit::startWord).thenComparingInt(WordHit::endWord);

    private NearWindows() {
    }

    /** Windows of at most {@code window} words that also stay within a sentence and the next one. */
    static List<Window> find(List<List<WordHit>> perPattern, int window, Sentences sentences) {
        List<Window> found = new ArrayList<>();
        List<WordHit> anchors = new ArrayList<>();
        List<WordHit[]> byStart = new ArrayList<>(perPattern.size());
        for (List<WordHit> hits : perPattern) {
            anchors.addAll(hits);
            WordHit[] sorted = hits.toArray(new WordHit[0]);
            Arrays.sort(sorted, BY_WORDS);
            byStart.add(sorted);
        }
        anchors.sort(BY_WORDS);
        int coveredUntilWord = -1;
        int triedWord = -1;
        for (WordHit anchor : anchors) {
            if (anchor.startWord() <= coveredUntilWord || anchor.startWord() == triedWord) {
                continue;
            }
            triedWord = anchor.startWord();
            int lastWord = (int) Math.min((long) anchor.startWord() + window - 1, sentences.reachOf(anchor.startWord()));
            // Hits inside one spelled-out word (f a t u g l y) share the anchor's word but may start
            // before it, so the window starts at the earliest hit, not at the anchor.
            int start = anchor.start();
            int end = anchor.end();
            int endWord = anchor.endWord();
            boolean all = anchor.endWord() <= lastWord;
            for (int p = 0; p < byStart.size() && all; p++) {
                WordHit best = earliestEnding(byStart.get(p), anchor.startWord(), lastWord);
                if (best == null) {
                    all = false;
                    continue;
                }
                start = Math.min(start, best.start());
                if (best.end() > end) {
                    end = best.end();
                    endWord = best.endWord();
                }
            }
            if (all) {
                found.add(new Window(start, end, anchor.startWord()));
                coveredUntilWord = endWord;
            }
        }
        return found;
    }

    /** The hit starting in words {@code [fromWord, lastWord]} and ending by {@code lastWord} that ends first. */
    private static WordHit earliestEnding(WordHit[] sorted, int fromWord, int lastWord) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].startWord() < fromWord) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        WordHit best = null;
        for (int i = lo; i < sorted.length && sorted[i].startWord() <= lastWord; i++) {
            WordHit h = sorted[i];
            if (h.endWord() <= lastWord && (best == null || h.endWord() < best.endWord()
                    || h.endWord() == best.endWord() && h.end() < best.end())) {
                best = h;
            }
        }
        return best;
    }
}
