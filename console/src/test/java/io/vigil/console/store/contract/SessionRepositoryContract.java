package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.auth.SessionRepository;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What {@link SessionRepository} promises, whatever stores it: the JDBC repository on H2 and PostgreSQL, and
 * the in-memory fake the web tests use (so the fake cannot drift from the real thing).
 */
public interface SessionRepositoryContract {

    Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    SessionRepository sessions();

    /** Makes sure a console user with this name exists (sessions belong to users). */
    void userExists(String username);

    private static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    default void aCreatedSessionIsFoundWithItsUserAndTimes() {
        userExists("dsl");
        sessions().create(hash('a'), "dsl", T0);
        var found = sessions().find(hash('a')).orElseThrow();
        assertEquals(hash('a'), found.idHash());
        assertEquals("dsl", found.username());
        assertEquals(T0, found.createdAt());
        assertEquals(T0, found.lastUsed());
        assertTrue(sessions().find(hash('b')).isEmpty());
    }

    @Test
    default void touchingMovesLastUseButNotCreation() {
        userExists("dsl");
        sessions().create(hash('a'), "dsl", T0);
        sessions().touch(hash('a'), T0.plusSeconds(600));
        var found = sessions().find(hash('a')).orElseThrow();
        assertEquals(T0.plusSeconds(600), found.lastUsed());
        assertEquals(T0, found.createdAt());
    }

    @Test
    default void idleSessionsAreSweptAndDeletedOnesAreGone() {
        userExists("dsl");
        sessions().create(hash('a'), "dsl", T0);
        sessions().create(hash('b'), "dsl", T0);
        sessions().touch(hash('a'), T0.plusSeconds(600));
        assertEquals(1, sessions().deleteIdleSince(T0.plusSeconds(300)));
        assertTrue(sessions().find(hash('b')).isEmpty());
        assertTrue(sessions().find(hash('a')).isPresent());
        sessions().delete(hash('a'));
        assertTrue(sessions().find(hash('a')).isEmpty());
    }
}
