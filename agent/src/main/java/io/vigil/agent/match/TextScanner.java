package io.vigil.agent.match;

import io.vigil.keywords.Verdict;

/** Decides whether a piece of text is a safeguarding concern; the keyword engine in production. */
public interface TextScanner {

    Verdict scan(String text);

    /** Content hash of the lists in use, reported with every alert. */
    String version();

    /** The scanner to use for one text and its alert, so a swap in between cannot mix two versions. */
    default TextScanner snapshot() {
        return this;
    }
}
