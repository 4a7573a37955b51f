package io.vigil.agent.capture;

/**
 * A capture source cannot run on this device. The message is the reason in words an IT administrator
 * understands ("no display (DISPLAY is not set)"); it is logged once and shown in the console.
 */
public final class CaptureUnavailableException extends Exception {

    public CaptureUnavailableException(String reason) {
        super(reason);
    }

    public CaptureUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
