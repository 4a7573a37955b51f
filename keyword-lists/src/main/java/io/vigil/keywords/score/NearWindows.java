package io.vigil.keywords.score;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds windows of at most N words that contain a hit of every pattern of a {@code near} rule, in
 * any order. Any valid window has a leftmost hit, so trying each hit as the left anchor and asking
 * every other pattern for a hit inside {@code [anchor, anchor + N)} finds all of them.
 */
final class NearWindows {

    /** A hit measured in words. */
    record WordHit(int startWord, int endWord, int start, int end) {
    }

    /** A window found: normalised span from the anchor to the last component's end. */
    record Window(int start, int end) {
    }

    private NearWindows() {
    }

    static List<Window> find(List<List<WordHit>> perPattern, int window) {
        List<Window> found = new ArrayList<>();
        List<WordHit> anchors = new ArrayList<>();
        perPattern.forEach(anchors::addAll);
        anchors.sort((a, b) -> a.startWord() != b.startWord() ? Integer.compare(a.startWord(), b.startWord())
                : Integer.compare(a.endWord(), b.endWord()));
        int coveredUntilWord = -1;
        for (WordHit anchor : anchors) {
            if (anchor.startWord() <= coveredUntilWord) {
                continue;
            }
            int lastWord = anchor.startWord() + window - 1;
            int end = anchor.end();
            int endWord = anchor.endWord();
            boolean all = anchor.endWord() <= lastWord;
            for (int p = 0; p < perPattern.size() && all; p++) {
                WordHit best = null;
                for (WordHit h : perPattern.get(p)) {
                    if (h.startWord() >= anchor.startWord() && h.endWord() <= lastWord
                            && (best == null || h.endWord() < best.endWord())) {
                        best = h;
                    }
                }
                if (best == null) {
                    all = false;
                } else if (best.end() > end) {
                    end = best.end();
                    endWord = best.endWord();
                }
            }
            if (all) {
                found.add(new Window(anchor.start(), end));
                coveredUntilWord = endWord;
            }
        }
        return found;
    }
}
