package io.vigil.console.domain;

import java.time.Instant;
import java.util.Optional;

/** School enrolment tokens, stored as SHA-256 hashes only. */
public interface TokenRepository {

    void create(String tokenHash, long schoolId, Instant createdAt);

    /** The school of a token that exists and is not revoked. */
    Optional<School> activeSchool(String tokenHash);
}
