package io.vigil.console.auth;

import io.vigil.console.domain.Role;
import io.vigil.console.domain.Scope;
import java.time.Instant;

/**
 * A signed-in console user. Immutable: touching a session replaces it in the {@link SessionStore}.
 *
 * @param scope the schools this user may see, fixed at sign-in
 */
public record Session(String id, String username, Role role, Scope scope, Instant lastUsed) {
}
