package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Console users (people, not devices), the roles they hold and the school or trust they belong to. */
public interface UserRepository {

    /** @throws ConsoleException if the username is taken */
    void create(String username, Set<Role> roles, String passwordHash, Membership membership, Instant createdAt);

    Optional<User> find(String username);

    void updatePassword(String username, String passwordHash);

    /** A disabled user cannot sign in and has no live session; enabling does not change the password. */
    void setDisabled(String username, boolean disabled);

    /** Replaces the user's roles with exactly {@code roles} (at least one). */
    void setRoles(String username, Set<Role> roles);

    /**
     * The enabled users who may read and act on this school's alerts (those holding {@link Permission#ALERTS_TRIAGE}),
     * members of the school or of its trust, by username: the people an alert can be assigned to.
     */
    List<String> safeguardingUsers(long schoolId);
}
