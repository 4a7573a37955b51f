package io.vigil.agent.spool;

/** The spool file cannot be used; the message names the file and why. */
public final class SpoolException extends RuntimeException {

    public SpoolException(String message) {
        super(message);
    }

    public SpoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
