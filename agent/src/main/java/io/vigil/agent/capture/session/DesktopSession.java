package io.vigil.agent.capture.session;

import java.util.List;
import java.util.Optional;

/**
 * Reads the user and asks every lock signal, failing closed: any signal that says locked, or that cannot
 * answer, makes the session count as locked. The user is the last one a source named, so a source that
 * fails for a moment does not attribute text to nobody.
 */
public final class DesktopSession {

    private final UserSource users;
    private final List<LockSignal> signals;
    private String user;

    /** @param initialUser the user the agent started as, until the source names one */
    public DesktopSession(UserSource users, List<LockSignal> signals, String initialUser) {
        this.users = users;
        this.signals = List.copyOf(signals);
        this.user = initialUser;
    }

    public SessionState read() {
        user();
        for (LockSignal signal : signals) {
            Optional<String> locked;
            try {
                locked = signal.lockedBecause();
            } catch (RuntimeException | LinkageError e) {
                locked = Optional.of("cannot tell whether the screen is locked (" + signal.name() + ": " + e + ")");
            }
            if (locked.isPresent()) {
                return new SessionState(user, locked);
            }
        }
        return new SessionState(user, Optional.empty());
    }

    /** Who is signed in, without asking the lock signals (nothing is captured while it is asked). */
    public String user() {
        try {
            String now = users.currentUser();
            if (now != null && !now.isBlank()) {
                user = now.strip();
            }
        } catch (RuntimeException e) {
            // Keep the last user: who typed does not change because a lookup failed.
        }
        return user;
    }

    public List<String> signalNames() {
        return signals.stream().map(LockSignal::name).toList();
    }
}
