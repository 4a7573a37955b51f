package io.vigil.agent.capture.session;

import java.util.Objects;
import java.util.Optional;

/**
 * The session at one look.
 *
 * @param user          the user signed in at the moment
 * @param lockedBecause why capture must stop (screen locked, session not in front, a signal that could not
 *                      answer), or empty if typing may be captured
 */
public record SessionState(String user, Optional<String> lockedBecause) {

    public SessionState {
        Objects.requireNonNull(user);
        Objects.requireNonNull(lockedBecause);
    }

    public boolean locked() {
        return lockedBecause.isPresent();
    }
}
