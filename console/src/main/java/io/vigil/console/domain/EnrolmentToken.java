package io.vigil.console.domain;

import java.time.Instant;

/**
 * An enrolment token as the IT provider sees it: never the secret itself (only its hash is stored), but whose
 * it is, who made it, until when it works, how many devices used it, and whether it was revoked.
 *
 * @param createdBy  '' for tokens made before the console recorded it
 * @param expiresAt  null: it does not expire
 * @param revokedAt  null: not revoked
 */
public record EnrolmentToken(long id, long schoolId, String schoolName, String createdBy, Instant createdAt,
                             Instant expiresAt, int uses, Instant revokedAt, String revokedBy) {

    public enum State { ACTIVE, EXPIRED, REVOKED }

    /** Revocation wins over expiry: it is the deliberate act, and the one the IT provider needs to see. */
    public State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return expiresAt != null && !now.isBefore(expiresAt) ? State.EXPIRED : State.ACTIVE;
    }
}
