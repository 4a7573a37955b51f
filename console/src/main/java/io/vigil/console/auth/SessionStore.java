package io.vigil.console.auth;

import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.User;
import io.vigil.console.domain.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Server-side sessions: the browser holds only a random 256-bit id, the database its SHA-256. Roles and
 * scope are read from the user at each request, so a change to either applies at once. A session
 * locks (is removed, and its holder must sign in again) after {@link #idleTimeout()} without activity by a
 * person; timed refreshes do not count as activity.
 */
public final class SessionStore {

    /**
     * Last-used times are written at most this often per session. Writing on every request would turn each
     * page load into a database write; being up to 15 seconds early in locking an idle session costs nothing.
     */
    static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(15);

    private final SessionRepository sessions;
    private final UserRepository users;
    private final Function<User, Scope> scopes;
    private final Secrets secrets;
    private final Clock clock;
    private final Duration idleTimeout;

    /** @param scopes the schools a user may see (from their school or trust membership) */
    public SessionStore(SessionRepository sessions, UserRepository users, Function<User, Scope> scopes,
                        Secrets secrets, Clock clock, Duration idleTimeout) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive, was " + idleTimeout);
        }
        this.sessions = sessions;
        this.users = users;
        this.scopes = scopes;
        this.secrets = secrets;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Session open(User user) {
        Instant now = clock.instant();
        sessions.deleteIdleSince(now.minus(idleTimeout));
        String id = secrets.newSecret(32);
        sessions.create(Secrets.sha256Hex(id), user.username(), now);
        return new Session(id, user.username(), user.roles(), scopes.apply(user), now);
    }

    /** The live session for this id, its idle timer restarted; empty if unknown, idle too long or disabled. */
    public Optional<Session> touch(String id) {
        return live(id, true);
    }

    /** The live session for this id without restarting its idle timer, for requests no person made. */
    public Optional<Session> peek(String id) {
        return live(id, false);
    }

    public void close(String id) {
        if (id != null) {
            sessions.delete(Secrets.sha256Hex(id));
        }
    }

    private Optional<Session> live(String id, boolean touch) {
        if (id == null || id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(id);
        Optional<SessionRepository.StoredSession> stored = sessions.find(hash);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<User> user = users.find(stored.get().username()).filter(u -> !u.disabled());
        if (stored.get().lastUsed().plus(idleTimeout).isBefore(now) || user.isEmpty()) {
            sessions.delete(hash);
            return Optional.empty();
        }
        Instant lastUsed = stored.get().lastUsed();
        if (touch && lastUsed.plus(TOUCH_GRANULARITY).isBefore(now)) {
            sessions.touch(hash, now);
            lastUsed = now;
        }
        return Optional.of(new Session(id, user.get().username(), user.get().roles(), scopes.apply(user.get()),
                lastUsed));
    }
}
