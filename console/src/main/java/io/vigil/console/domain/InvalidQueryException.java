package io.vigil.console.domain;

/** A search the DSL typed could not be parsed; the message says why, for display. */
public final class InvalidQueryException extends RuntimeException {

    public InvalidQueryException(String message) {
        super(message);
    }
}
