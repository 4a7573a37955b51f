package io.vigil.console;

import io.vigil.console.domain.EnrolmentToken;
import java.time.Instant;

/** How the command line shows an enrolment token: one line, never the secret. */
final class TokenLines {

    private TokenLines() {
    }

    static String line(EnrolmentToken t, Instant now) {
        String state = switch (t.state(now)) {
            case ACTIVE -> "active";
            case EXPIRED -> "expired";
            case REVOKED -> "revoked " + t.revokedAt() + " by " + t.revokedBy();
        };
        return "token " + t.id() + "\tschool=" + t.schoolName() + "\tcreated=" + t.createdAt() + "\tby="
                + (t.createdBy().isEmpty() ? "(not recorded)" : t.createdBy()) + "\texpires="
                + (t.expiresAt() == null ? "never" : t.expiresAt()) + "\tuses=" + t.uses() + "\t" + state;
    }
}
