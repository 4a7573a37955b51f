package io.vigil.console.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * A console user; {@code passwordHash} is an encoded Argon2id hash, never a password. A user holds one or
 * more roles; what they may do is the union of those roles' permissions, and which schools they may see
 * follows from their {@link Membership}.
 */
public record User(long id, String username, Set<Role> roles, String passwordHash, boolean disabled,
                   Membership membership) {

    public User {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean may(Permission permission) {
        return Role.permissionsOf(roles).contains(permission);
    }
}
