package io.vigil.agent.capture.replay;

/** A replay script cannot be used; the message names the file and line. */
public final class ReplayScriptException extends Exception {

    public ReplayScriptException(String message) {
        super(message);
    }
}
