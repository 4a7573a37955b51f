package io.vigil.console.fleet;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Enrolment;
import io.vigil.console.domain.EnrolmentToken;
import io.vigil.console.domain.School;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.TokenRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Enrolment tokens for the IT provider: made, listed and revoked, each audited, each within the user's scope. */
public final class TokenAdmin {

    private final Enrolment enrolment;
    private final TokenRepository tokens;
    private final AuditLog audit;
    private final Clock clock;

    public TokenAdmin(Enrolment enrolment, TokenRepository tokens, AuditLog audit, Clock clock) {
        this.enrolment = enrolment;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /** The secret is in the answer this once; the audit row names the token by id, never by secret. */
    public Enrolment.NewToken create(String actor, School school, Optional<Instant> expiresAt) {
        Enrolment.NewToken token = enrolment.createToken(school, actor, expiresAt);
        audit.record(actor, AuditAction.TOKEN_CREATE, "token=" + token.id() + " school=" + school.id() + " "
                + school.name() + expiresAt.map(e -> " expires=" + e).orElse(" expires=never"));
        return token;
    }

    public List<EnrolmentToken> list(String actor, Scope scope) {
        audit.record(actor, AuditAction.TOKEN_LIST, "schools=" + scope.schoolIds());
        return tokens.inScope(scope);
    }

    /** @throws ConsoleException if the token is not one of {@code scope}'s schools', or already revoked */
    public EnrolmentToken revoke(String actor, long tokenId, Scope scope) {
        EnrolmentToken token = tokens.byId(tokenId).filter(t -> scope.contains(t.schoolId()))
                .orElseThrow(() -> new ConsoleException("no enrolment token " + tokenId + " among your schools"));
        if (!tokens.revoke(tokenId, actor, clock.instant())) {
            throw new ConsoleException("enrolment token " + tokenId + " was already revoked");
        }
        audit.record(actor, AuditAction.TOKEN_REVOKE, "token=" + tokenId + " school=" + token.schoolId());
        return tokens.byId(tokenId).orElseThrow();
    }

    public Instant now() {
        return clock.instant();
    }
}
