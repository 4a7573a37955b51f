package io.vigil.keywords.score;

import io.vigil.keywords.match.PatternHit;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The matches of one exception pattern, indexed so "does some match contain {@code [start, end)}?"
 * is a binary search: sorted by start, with the furthest end reached so far. Checking every rule
 * match against every exception match was quadratic on texts that repeat an excepted phrase.
 */
final class ExceptionSpans {

    private final int[] starts;
    private final int[] furthestEnd;

    ExceptionSpans(List<PatternHit> hits) {
        PatternHit[] sorted = hits.toArray(new PatternHit[0]);
        Arrays.sort(sorted, Comparator.comparingInt(PatternHit::start));
        starts = new int[sorted.length];
        furthestEnd = new int[sorted.length];
        int furthest = Integer.MIN_VALUE;
        for (int i = 0; i < sorted.length; i++) {
            starts[i] = sorted[i].start();
            furthest = Math.max(furthest, sorted[i].end());
            furthestEnd[i] = furthest;
        }
    }

    /** True when one exception match starts at or before {@code start} and ends at or after {@code end}. */
    boolean covers(int start, int end) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo > 0 && furthestEnd[lo - 1] >= end;
    }
}
