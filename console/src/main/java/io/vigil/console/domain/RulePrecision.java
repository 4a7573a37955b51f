package io.vigil.console.domain;

/**
 * How often one keyword rule was right, judged by DSLs closing the alerts it raised. Counts only: never the
 * words that were matched, so list owners without access to alert content can tune their rules.
 *
 * @param closed         closed alerts this rule contributed to
 * @param falsePositives of those, the ones closed as a false positive
 */
public record RulePrecision(String ruleId, long closed, long falsePositives) {

    /** The share of closed alerts that were real concerns, 0 to 1; 1 when nothing is closed yet. */
    public double precision() {
        return closed == 0 ? 1.0 : (closed - falsePositives) / (double) closed;
    }
}
