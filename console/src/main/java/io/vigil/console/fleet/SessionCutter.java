package io.vigil.console.fleet;

/** Ends a device's open session at once (on this console node), telling its agent why. */
public interface SessionCutter {

    /** @return whether a session was open and was ended */
    boolean cut(String deviceId, String reason);
}
