package io.vigil.keywords.match;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * The previous production automaton, kept as a test oracle: a full transition table (a DFA) for every
 * state. {@link Automaton} must report exactly what this reports, key for key and position for position.
 *
 * <p>Memory is kept small by alphabet compression: only characters that occur in some key get a
 * column; every other character maps to column 0, which always leads back to the root. Outputs are
 * stored once per state and chained through dictionary-suffix links instead of being copied down
 * the failure chain.
 */
final class DenseAutomaton {

    private final char[] column;
    private final int width;
    private final int[] delta;
    private final int[] ownStart;
    private final int[] ownKeys;
    private final int[] dictLink;
    private final boolean[] emits;
    private final int states;

    private DenseAutomaton(char[] column, int width, int[] delta, int[] ownStart, int[] ownKeys, int[] dictLink,
                      boolean[] emits, int states) {
        this.column = column;
        this.width = width;
        this.delta = delta;
        this.ownStart = ownStart;
        this.ownKeys = ownKeys;
        this.dictLink = dictLink;
        this.emits = emits;
        this.states = states;
    }

    /** Builds the automaton; key {@code i} is reported with id {@code i}. Keys must not be empty. */
    static DenseAutomaton build(List<String> keys) {
        char[] column = new char[Character.MAX_VALUE + 1];
        int width = 1;
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
        int maxStates = totalChars + 1;
        int[] delta = new int[maxStates * width];
        Arrays.fill(delta, -1);
        int[] firstOut = new int[maxStates];
        Arrays.fill(firstOut, -1);
        int[] nextOut = new int[keys.size()];
        int states = 1;
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            int s = 0;
            for (int i = 0; i < key.length(); i++) {
                int slot = s * width + column[key.charAt(i)];
                if (delta[slot] < 0) {
                    delta[slot] = states++;
                }
                s = delta[slot];
            }
            nextOut[k] = firstOut[s];
            firstOut[s] = k;
        }
        return link(column, width, Arrays.copyOf(delta, states * width), firstOut, nextOut, states, keys.size());
    }

    private static DenseAutomaton link(char[] column, int width, int[] delta, int[] firstOut, int[] nextOut,
                                  int states, int keyCount) {
        int[] fail = new int[states];
        int[] dictLink = new int[states];
        Arrays.fill(dictLink, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < width; c++) {
            int t = delta[c];
            if (t < 0) {
                delta[c] = 0;
            } else {
                fail[t] = 0;
                queue.add(t);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int f = fail[s];
            dictLink[s] = firstOut[f] >= 0 ? f : dictLink[f];
            for (int c = 0; c < width; c++) {
                int slot = s * width + c;
                int t = delta[slot];
                if (t < 0) {
                    delta[slot] = delta[f * width + c];
                } else {
                    fail[t] = delta[f * width + c];
                    queue.add(t);
                }
            }
        }
        int[] ownStart = new int[states + 1];
        int[] ownKeys = new int[keyCount];
        boolean[] emits = new boolean[states];
        int n = 0;
        for (int s = 0; s < states; s++) {
            ownStart[s] = n;
            for (int k = firstOut[s]; k >= 0; k = nextOut[k]) {
                ownKeys[n++] = k;
            }
            emits[s] = firstOut[s] >= 0 || dictLink[s] >= 0;
        }
        ownStart[states] = n;
        return new DenseAutomaton(column, width, delta, ownStart, ownKeys, dictLink, emits, states);
    }

    /** One pass over {@code text[0..length)}, reporting every key occurrence. */
    public void scan(char[] text, int length, Automaton.HitSink sink) {
        int s = 0;
        for (int i = 0; i < length; i++) {
            s = delta[s * width + column[text[i]]];
            if (emits[s]) {
                for (int t = s; t >= 0; t = dictLink[t]) {
                    for (int o = ownStart[t]; o < ownStart[t + 1]; o++) {
                        sink.hit(ownKeys[o], i + 1);
                    }
                }
            }
        }
    }

    public int stateCount() {
        return states;
    }

    /** Approximate heap footprint of the tables, for diagnostics. */
    public long footprintBytes() {
        return (long) delta.length * 4 + column.length * 2L + ownKeys.length * 4L + states * 9L;
    }
}
