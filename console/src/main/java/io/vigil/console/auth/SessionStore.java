package io.vigil.console.auth;

import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions in memory: the browser holds only a random id. A restart signs everyone out,
 * which is acceptable for a safeguarding console and keeps session secrets off disk.
 */
public final class SessionStore {

    /** A DSL who walks away from an unlocked screen is signed out after this long. */
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Secrets secrets;
    private final Clock clock;

    public SessionStore(Secrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    public Session open(User user, Scope scope) {
        evictIdle();
        Session session = new Session(secrets.newSecret(32), user.username(), user.role(), scope, clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session for this id, its idle timer restarted; empty if unknown or expired. */
    public Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session updated = sessions.computeIfPresent(id, (key, s) ->
                expired(s, now) ? null : new Session(s.id(), s.username(), s.role(), s.scope(), now));
        return Optional.ofNullable(updated);
    }

    /** The live session for this id without restarting its idle timer, for requests no person made. */
    public Optional<Session> peek(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session live = sessions.computeIfPresent(id, (key, s) -> expired(s, now) ? null : s);
        return Optional.ofNullable(live);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private void evictIdle() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    private static boolean expired(Session session, Instant now) {
        return session.lastUsed().plus(IDLE_TIMEOUT).isBefore(now);
    }
}
