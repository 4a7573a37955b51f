package io.vigil.console.auth;

import io.vigil.console.domain.User;
import io.vigil.console.domain.UserRepository;
import java.util.Optional;

/**
 * Checks a username and password. An unknown user costs the same Argon2 work as a wrong password, so
 * response times do not reveal which usernames exist.
 */
public final class Login {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final String decoyHash;

    public Login(UserRepository users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
        this.decoyHash = hasher.hash("decoy password that never matches anything");
    }

    public Optional<User> check(String username, String password) {
        if (username == null || password == null || password.length() > PasswordPolicy.MAX_LENGTH) {
            return Optional.empty();
        }
        Optional<User> user = users.find(username);
        boolean matches = hasher.verify(password, user.map(User::passwordHash).orElse(decoyHash));
        return user.filter(u -> matches && !u.disabled());
    }
}
