package io.vigil.keywords.match;

/** A pattern that cannot be compiled; the message says why, without file or line (the caller adds them). */
public final class PatternException extends Exception {

    public PatternException(String message) {
        super(message);
    }
}
