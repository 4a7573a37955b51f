package io.vigil.agent.transport;

/** A call to the console failed in a way the user can act on; the message says what happened. */
public final class TransportException extends Exception {

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
