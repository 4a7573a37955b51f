package io.vigil.console.domain;

import java.time.Instant;
import java.util.Optional;

/** Console users (people, not devices). */
public interface UserRepository {

    /** @throws ConsoleException if the username is taken */
    void create(String username, Role role, String passwordHash, Membership membership, Instant createdAt);

    Optional<User> find(String username);

    void updatePassword(String username, String passwordHash);
}
