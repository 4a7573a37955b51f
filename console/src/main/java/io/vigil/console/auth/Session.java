package io.vigil.console.auth;

import io.vigil.console.domain.Role;
import java.time.Instant;

/** A signed-in console user. Immutable: touching a session replaces it in the {@link SessionStore}. */
public record Session(String id, String username, Role role, Instant lastUsed) {
}
