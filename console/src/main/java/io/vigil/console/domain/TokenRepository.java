package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** School enrolment tokens, stored as SHA-256 hashes only. */
public interface TokenRepository {

    /**
     * @param expiresAt null for a token that does not expire
     * @return the new token's id
     */
    long create(String tokenHash, long schoolId, String createdBy, Instant createdAt, Instant expiresAt);

    /** The token with this hash, whatever its state, or empty if no such token was ever made. */
    Optional<EnrolmentToken> byHash(String tokenHash);

    Optional<EnrolmentToken> byId(long id);

    /** Counts one more enrolment and records on the device which token enrolled it, in one transaction. */
    void recordUse(long tokenId, String deviceId);

    /** @return false if the token was already revoked (the first revocation is kept) */
    boolean revoke(long id, String by, Instant at);

    /** The tokens of the schools in {@code scope}, newest first. */
    List<EnrolmentToken> inScope(Scope scope);
}
