package io.vigil.agent.match;

import io.vigil.keywords.Verdict;

/** Decides whether a piece of text is a safeguarding concern; the keyword engine in production. */
public interface TextScanner {

    Verdict scan(String text);

    /** Scans by source: domain lists apply to titles and addresses only. A scanner without them scans the text. */
    default Verdict scan(String text, io.vigil.keywords.Source source) {
        return scan(text);
    }

    /** With the lists' score thresholds scaled to {@code thresholdPercent} (a detection profile's limit). */
    default Verdict scan(String text, io.vigil.keywords.Source source, int thresholdPercent) {
        return scan(text, source);
    }

    /** Content hash of the lists in use, reported with every alert. */
    String version();

    /** The scanner to use for one text and its alert, so a swap in between cannot mix two versions. */
    default TextScanner snapshot() {
        return this;
    }
}
