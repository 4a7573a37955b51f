package io.vigil.console.domain;

/**
 * An expected failure with a message written for the person running the console (bad data directory,
 * port in use, unknown role...). The CLI prints the message without a stack trace.
 */
public class ConsoleException extends RuntimeException {

    public ConsoleException(String message) {
        super(message);
    }

    public ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
