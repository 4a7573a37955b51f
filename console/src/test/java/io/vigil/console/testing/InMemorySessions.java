package io.vigil.console.testing;

import io.vigil.console.auth.SessionRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link SessionRepository} in a map, for fast unit tests; the JDBC one is tested against H2. */
public final class InMemorySessions implements SessionRepository {

    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void create(String idHash, String username, Instant at) {
        sessions.put(idHash, new StoredSession(idHash, username, at, at));
    }

    @Override
    public Optional<StoredSession> find(String idHash) {
        return Optional.ofNullable(sessions.get(idHash));
    }

    @Override
    public void touch(String idHash, Instant at) {
        sessions.computeIfPresent(idHash, (k, s) -> new StoredSession(k, s.username(), s.createdAt(), at));
    }

    @Override
    public void delete(String idHash) {
        sessions.remove(idHash);
    }

    @Override
    public int deleteForUser(String username) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.username().equals(username));
        return before - sessions.size();
    }

    @Override
    public int deleteIdleSince(Instant cutoff) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.lastUsed().isBefore(cutoff));
        return before - sessions.size();
    }

    public java.util.Set<String> storedKeys() {
        return java.util.Set.copyOf(sessions.keySet());
    }
}
