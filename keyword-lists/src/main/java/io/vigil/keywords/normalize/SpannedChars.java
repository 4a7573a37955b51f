package io.vigil.keywords.normalize;

import java.util.Arrays;

/**
 * A growable run of characters, each with the span of original text it came from and a one-byte tag.
 * Parallel primitive arrays rather than objects: normalisation appends one entry per character on the
 * scanning hot path, and both of its stages (classified cells, then written words) keep text this way.
 */
class SpannedChars {

    char[] ch;
    int[] start;
    int[] end;
    byte[] tag;
    int size;

    SpannedChars(int capacity) {
        ch = new char[capacity];
        start = new int[capacity];
        end = new int[capacity];
        tag = new byte[capacity];
    }

    final void add(char c, int s, int e, byte t) {
        if (size == ch.length) {
            int cap = size * 2 + 8;
            ch = Arrays.copyOf(ch, cap);
            start = Arrays.copyOf(start, cap);
            end = Arrays.copyOf(end, cap);
            tag = Arrays.copyOf(tag, cap);
        }
        ch[size] = c;
        start[size] = s;
        end[size] = e;
        tag[size] = t;
        size++;
    }
}
