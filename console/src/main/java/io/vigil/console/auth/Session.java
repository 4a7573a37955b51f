package io.vigil.console.auth;

import io.vigil.console.domain.Permission;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.Scope;
import java.time.Instant;
import java.util.Set;

/**
 * A signed-in console user, as the web layer sees one request. {@code id} is the secret the browser holds;
 * only its SHA-256 is ever stored. Roles are read from the user record on every request, so revoking a role
 * or disabling a user takes effect at once, not at the next sign-in.
 *
 * @param scope the schools this user may see; every alert and device query of the request carries it
 */
public record Session(String id, String username, Set<Role> roles, Scope scope, Instant lastUsed) {

    public Session {
        roles = Set.copyOf(roles);
    }

    public boolean may(Permission permission) {
        return Role.permissionsOf(roles).contains(permission);
    }
}
