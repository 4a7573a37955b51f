package io.vigil.console.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Where signed-in sessions live, so a console restart signs nobody out and several console nodes can share
 * them. Keys are SHA-256 hashes of the session ids: someone who reads the table (or a backup) cannot use
 * what they find to act as a signed-in DSL.
 */
public interface SessionRepository {

    /** A stored session: whose it is and when it was last used by a person. */
    record StoredSession(String idHash, String username, Instant createdAt, Instant lastUsed) {
    }

    /** @throws io.vigil.console.domain.ConsoleException if the user does not exist */
    void create(String idHash, String username, Instant at);

    Optional<StoredSession> find(String idHash);

    void touch(String idHash, Instant at);

    void delete(String idHash);

    /** Ends every session of this user at once (disabled, password reset, roles changed); returns how many. */
    int deleteForUser(String username);

    /** Removes every session last used before {@code cutoff}; returns how many. */
    int deleteIdleSince(Instant cutoff);
}
