package io.vigil.agent.helper.service;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides whether a connected helper may speak for the session it claims. The kernel tells the service the
 * peer's uid (SO_PEERCRED, resolved to a user name); the helper claims a user in its Hello. Both must agree, and
 * the user must own a session on this machine: a helper started by another account (a pupil's own
 * process under a different uid, a service account) cannot inject alerts for, or blame, the signed-in user.
 */
public final class PeerCheck {

    private final Supplier<Set<String>> sessionOwners;

    /** @param sessionOwners users with a login session now; empty when that cannot be known (no logind) */
    public PeerCheck(Supplier<Set<String>> sessionOwners) {
        this.sessionOwners = sessionOwners;
    }

    /** @return why the helper is refused, or empty when it is accepted */
    public Optional<String> refusal(String peerUser, String claimedUser) {
        if (claimedUser.isBlank()) {
            return Optional.of("the helper claimed no user");
        }
        if (!claimedUser.equals(peerUser)) {
            return Optional.of("the helper runs as '" + peerUser + "' but claims the session of '" + claimedUser + "'");
        }
        Set<String> owners = sessionOwners.get();
        if (!owners.isEmpty() && !owners.contains(claimedUser)) {
            return Optional.of("'" + claimedUser + "' owns no session on this device (sessions: "
                    + String.join(", ", new java.util.TreeSet<>(owners)) + ")");
        }
        return Optional.empty();
    }
}
