package io.vigil.console.domain;

/** A console user; {@code passwordHash} is an encoded Argon2id hash, never a password. */
public record User(long id, String username, Role role, String passwordHash, boolean disabled,
                   Membership membership) {
}
