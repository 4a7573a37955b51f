package io.vigil.agent.capture.session;

import java.util.Optional;

/**
 * One way of telling that the screen is locked, or that keys go somewhere secret.
 * Implementations must be cheap: they are asked on every look at the foreground window (every second
 * and before each burst of typing).
 */
public interface LockSignal {

    /**
     * @return why the screen counts as locked now, or empty if this signal says it is not. Throwing means
     *         "cannot tell", which the caller treats as locked.
     */
    Optional<String> lockedBecause();

    /** A short name for logs: "X11 keyboard grab", "logind". */
    String name();
}
