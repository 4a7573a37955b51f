package io.vigil.console.testing;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.User;
import io.vigil.console.domain.UserRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link UserRepository} in a map, for fast unit tests of the web and auth layers. */
public final class InMemoryUsers implements UserRepository {

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public void create(String username, Set<Role> roles, String passwordHash, Membership membership,
                       Instant createdAt) {
        User user = new User(ids.incrementAndGet(), username, roles, passwordHash, false, membership);
        if (users.putIfAbsent(username, user) != null) {
            throw new ConsoleException("user '" + username + "' already exists");
        }
    }

    @Override
    public Optional<User> find(String username) {
        return Optional.ofNullable(username).map(users::get);
    }

    @Override
    public void updatePassword(String username, String passwordHash) {
        users.computeIfPresent(username, (k, u) -> new User(u.id(), k, u.roles(), passwordHash, false, u.membership()));
    }

    @Override
    public void setRoles(String username, Set<Role> roles) {
        users.computeIfPresent(username, (k, u) -> new User(u.id(), k, roles, u.passwordHash(), u.disabled(), u.membership()));
    }

    @Override
    public void setDisabled(String username, boolean disabled) {
        users.computeIfPresent(username, (k, u) -> new User(u.id(), k, u.roles(), u.passwordHash(), disabled, u.membership()));
    }

    public void disable(String username) {
        users.computeIfPresent(username, (k, u) -> new User(u.id(), k, u.roles(), u.passwordHash(), true, u.membership()));
    }

    @Override
    public java.util.List<String> safeguardingUsers(long schoolId) {
        return users.values().stream().filter(u -> !u.disabled())
                .filter(u -> u.membership().schoolId().map(id -> id == schoolId).orElse(false))
                .filter(u -> u.may(io.vigil.console.domain.Permission.ALERTS_TRIAGE))
                .map(User::username).sorted().toList();
    }
}
