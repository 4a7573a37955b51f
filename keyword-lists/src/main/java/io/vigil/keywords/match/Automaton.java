package io.vigil.keywords.match;

import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick automaton over UTF-16 characters.
 *
 * <p>The states near the root get a full transition row (one array read per character), the deep
 * states keep only their trie edges and fall back along failure links. Why the split: the text
 * spends nearly all its time in the root and its first levels, while a full table for every state
 * cost about 22 MB of heap for the shipped lists (50,000 states × 110 columns) — most of the agent's
 * live heap. The deep states' edges take about 1 MB instead. A failure link always leads to a
 * shallower state, so following them from a deep state ends in a full row in a few steps; what
 * {@link #scan} reports is exactly what the full table reported (the tests hold it to the old one).
 *
 * <p>Alphabet compression: only characters that occur in some key get a column; every other
 * character maps to column 0, which always leads back to the root. Outputs are stored once per state
 * and chained through dictionary-suffix links instead of being copied down the failure chain.
 */
public final class Automaton {

    /**
     * Transition entries given to full rows: 256K ints (1 MB). With the shipped lists that is the
     * root, every first character and the commonest second characters; the rest use their edges.
     */
    static final int FULL_ROW_BUDGET = 1 << 18;

    /** Receives every key that ends at a position. */
    @FunctionalInterface
    public interface HitSink {
        void hit(int key, int endExclusive);
    }

    private final char[] column;
    private final int width;
    /** States 0 .. fullRows-1 (breadth-first order) have a row in {@link #delta}. */
    private final int fullRows;
    private final int[] delta;
    private final int[] edgeStart;
    private final char[] edgeColumn;
    private final int[] edgeTarget;
    private final int[] fail;
    private final int[] ownStart;
    private final int[] ownKeys;
    private final int[] dictLink;
    private final boolean[] emits;
    private final int states;

    private Automaton(Trie trie, Links links) {
        this.column = trie.column;
        this.width = trie.width;
        this.fullRows = links.fullRows;
        this.delta = links.delta;
        this.edgeStart = trie.edgeStart;
        this.edgeColumn = trie.edgeColumn;
        this.edgeTarget = trie.edgeTarget;
        this.fail = links.fail;
        this.ownStart = trie.ownStart;
        this.ownKeys = trie.ownKeys;
        this.dictLink = links.dictLink;
        this.emits = links.emits;
        this.states = trie.states;
    }

    /** Builds the automaton; key {@code i} is reported with id {@code i}. Keys must not be empty. */
    public static Automaton build(List<String> keys) {
        return build(keys, FULL_ROW_BUDGET);
    }

    /** As {@link #build(List)}, with a chosen budget for full rows (tests use tiny ones to exercise the edges). */
    static Automaton build(List<String> keys, int fullRowBudget) {
        Trie trie = Trie.of(keys);
        int fullRows = Math.max(1, Math.min(trie.states, fullRowBudget / trie.width));
        return new Automaton(trie, Links.of(trie, fullRows));
    }

    /** One pass over {@code text[0..length)}, reporting every key occurrence. */
    public void scan(char[] text, int length, HitSink sink) {
        int s = 0;
        for (int i = 0; i < length; i++) {
            s = next(s, column[text[i]]);
            if (emits[s]) {
                for (int t = s; t >= 0; t = dictLink[t]) {
                    for (int o = ownStart[t]; o < ownStart[t + 1]; o++) {
                        sink.hit(ownKeys[o], i + 1);
                    }
                }
            }
        }
    }

    private int next(int state, int c) {
        if (c == 0) {
            return 0;
        }
        int s = state;
        while (s >= fullRows) {
            int edge = edge(edgeStart, edgeColumn, s, c);
            if (edge >= 0) {
                return edgeTarget[edge];
            }
            s = fail[s];
        }
        return delta[s * width + c];
    }

    private static int edge(int[] edgeStart, char[] edgeColumn, int state, int c) {
        for (int e = edgeStart[state]; e < edgeStart[state + 1]; e++) {
            if (edgeColumn[e] == c) {
                return e;
            }
        }
        return -1;
    }

    public int stateCount() {
        return states;
    }

    /** Approximate heap footprint of the tables, for diagnostics. */
    public long footprintBytes() {
        return (long) delta.length * 4 + column.length * 2L + ownKeys.length * 4L + edgeColumn.length * 6L
                + states * 17L;
    }

    /**
     * The keyword trie, states numbered breadth first (so every state's failure target, which is
     * shallower, has a smaller number), edges stored per state in one flat array.
     */
    private static final class Trie {
        final char[] column = new char[Character.MAX_VALUE + 1];
        int width = 1;
        int states;
        int[] edgeStart;
        char[] edgeColumn;
        int[] edgeTarget;
        int[] ownStart;
        int[] ownKeys;

        static Trie of(List<String> keys) {
            Trie trie = new Trie();
            trie.fill(keys);
            return trie;
        }

        private void fill(List<String> keys) {
            int totalChars = 0;
            for (String key : keys) {
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("empty key");
                }
                totalChars += key.length();
                for (int i = 0; i < key.length(); i++) {
                    char c = key.charAt(i);
                    if (column[c] == 0) {
                        column[c] = (char) width++;
                    }
                }
            }
            // Insertion-order trie as sibling lists: no per-state table, so building needs O(characters).
            int max = totalChars + 1;
            int[] firstChild = new int[max];
            int[] nextSibling = new int[max];
            char[] label = new char[max];
            Arrays.fill(firstChild, -1);
            int[] firstOut = new int[max];
            Arrays.fill(firstOut, -1);
            int[] nextOut = new int[keys.size()];
            int count = 1;
            for (int k = 0; k < keys.size(); k++) {
                String key = keys.get(k);
                int s = 0;
                for (int i = 0; i < key.length(); i++) {
                    char c = column[key.charAt(i)];
                    int child = firstChild[s];
                    while (child >= 0 && label[child] != c) {
                        child = nextSibling[child];
                    }
                    if (child < 0) {
                        child = count++;
                        label[child] = c;
                        nextSibling[child] = firstChild[s];
                        firstChild[s] = child;
                    }
                    s = child;
                }
                nextOut[k] = firstOut[s];
                firstOut[s] = k;
            }
            states = count;
            renumberBreadthFirst(firstChild, nextSibling, label, firstOut, nextOut, keys.size());
        }

        private void renumberBreadthFirst(int[] firstChild, int[] nextSibling, char[] label, int[] firstOut,
                                          int[] nextOut, int keyCount) {
            int[] order = new int[states]; // order[new] = old
            int[] renamed = new int[states]; // renamed[old] = new
            edgeStart = new int[states + 1];
            edgeColumn = new char[states - 1];
            edgeTarget = new int[states - 1];
            ownStart = new int[states + 1];
            ownKeys = new int[keyCount];
            int tail = 1;
            int edges = 0;
            int outs = 0;
            for (int head = 0; head < states; head++) {
                int old = order[head];
                edgeStart[head] = edges;
                // Children in insertion order (the sibling list holds them newest first).
                int first = edges;
                for (int child = firstChild[old]; child >= 0; child = nextSibling[child]) {
                    edges++;
                }
                int e = edges;
                for (int child = firstChild[old]; child >= 0; child = nextSibling[child]) {
                    edgeColumn[--e] = label[child];
                    edgeTarget[e] = child; // old number for now
                }
                for (e = first; e < edges; e++) {
                    int child = edgeTarget[e];
                    renamed[child] = tail;
                    order[tail++] = child;
                    edgeTarget[e] = renamed[child];
                }
                ownStart[head] = outs;
                for (int k = firstOut[old]; k >= 0; k = nextOut[k]) {
                    ownKeys[outs++] = k;
                }
            }
            edgeStart[states] = edges;
            ownStart[states] = outs;
        }
    }

    /** Failure and dictionary links, and the full rows of the first states. */
    private static final class Links {
        final int fullRows;
        final int[] delta;
        final int[] fail;
        final int[] dictLink;
        final boolean[] emits;

        private Links(int fullRows, int states, int width) {
            this.fullRows = fullRows;
            this.delta = new int[fullRows * width];
            this.fail = new int[states];
            this.dictLink = new int[states];
            this.emits = new boolean[states];
        }

        static Links of(Trie trie, int fullRows) {
            Links links = new Links(fullRows, trie.states, trie.width);
            links.link(trie);
            return links;
        }

        /** Breadth first: a state's failure target is shallower, so its links and row are already known. */
        private void link(Trie trie) {
            Arrays.fill(dictLink, -1);
            for (int s = 0; s < trie.states; s++) {
                int f = fail[s];
                if (s > 0) {
                    int ownOfFail = trie.ownStart[f + 1] - trie.ownStart[f];
                    dictLink[s] = ownOfFail > 0 ? f : dictLink[f];
                }
                for (int e = trie.edgeStart[s]; e < trie.edgeStart[s + 1]; e++) {
                    fail[trie.edgeTarget[e]] = s == 0 ? 0 : next(trie, f, trie.edgeColumn[e]);
                }
                if (s < fullRows) {
                    for (int c = 1; c < trie.width; c++) {
                        int edge = edge(trie.edgeStart, trie.edgeColumn, s, c);
                        delta[s * trie.width + c] = edge >= 0 ? trie.edgeTarget[edge] : s == 0 ? 0 : delta[f * trie.width + c];
                    }
                }
                emits[s] = trie.ownStart[s + 1] > trie.ownStart[s] || dictLink[s] >= 0;
            }
        }

        private int next(Trie trie, int state, int c) {
            int s = state;
            while (s >= fullRows) {
                int edge = edge(trie.edgeStart, trie.edgeColumn, s, c);
                if (edge >= 0) {
                    return trie.edgeTarget[edge];
                }
                s = fail[s];
            }
            return delta[s * trie.width + c];
        }
    }
}
