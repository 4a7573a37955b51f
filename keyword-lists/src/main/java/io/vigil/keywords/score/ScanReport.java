package io.vigil.keywords.score;

import io.vigil.keywords.Verdict;

import java.util.List;

/**
 * A verdict with its explanation: every category in which anything matched (alerting or not), with
 * rule hits, offsets, scores and the exceptions that cancelled matches.
 *
 * @param normalized the normalised text the rules ran against (useful when tuning lists)
 */
public record ScanReport(Verdict verdict, List<CategoryResult> categories, String normalized) {

    public ScanReport {
        categories = List.copyOf(categories);
    }
}
