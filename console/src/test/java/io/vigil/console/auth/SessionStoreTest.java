package io.vigil.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.User;
import io.vigil.console.testing.InMemorySessions;
import io.vigil.console.testing.InMemoryUsers;
import io.vigil.console.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final InMemorySessions repository = new InMemorySessions();
    private final InMemoryUsers users = new InMemoryUsers();
    private final SessionStore store = new SessionStore(repository, users, SessionStoreTest::ownSchool,
            new Secrets(new SecureRandom()), clock, Duration.ofMinutes(20));

    private static Scope ownSchool(User user) {
        return Scope.of(user.membership().schoolId().orElseThrow());
    }

    @BeforeEach
    void users() {
        users.create("dsl", Set.of(Role.DSL), "hash", Membership.school(7), clock.instant());
    }

    private Session open() {
        return store.open(users.find("dsl").orElseThrow());
    }

    @Test
    void aSessionStaysAliveWhileUsedAndLocksAfter20IdleMinutes() {
        var session = open();
        clock.advance(Duration.ofMinutes(19));
        assertTrue(store.touch(session.id()).isPresent());
        clock.advance(Duration.ofMinutes(19));
        assertEquals("dsl", store.touch(session.id()).orElseThrow().username(), "touch restarted the idle timer");
        clock.advance(Duration.ofMinutes(21));
        assertTrue(store.touch(session.id()).isEmpty());
    }

    @Test
    void peekingDoesNotRestartTheIdleTimer() {
        var session = open();
        clock.advance(Duration.ofMinutes(19));
        assertTrue(store.peek(session.id()).isPresent());
        clock.advance(Duration.ofMinutes(2));
        assertTrue(store.peek(session.id()).isEmpty(), "21 minutes since the last real use");
        assertTrue(store.touch(session.id()).isEmpty());
        assertTrue(store.peek(null).isEmpty());
    }

    @Test
    void closedAndUnknownSessionsAreGone() {
        var session = open();
        store.close(session.id());
        assertTrue(store.touch(session.id()).isEmpty());
        assertTrue(store.touch("made-up").isEmpty());
        assertTrue(store.touch(null).isEmpty());
    }

    @Test
    void onlyTheHashOfTheSessionIdIsStored() {
        var session = open();
        assertEquals(Set.of(Secrets.sha256Hex(session.id())), repository.storedKeys());
        assertFalse(repository.storedKeys().contains(session.id()));
    }

    @Test
    void rolesAreReadAtEachRequestSoARevokedRoleOrDisabledUserLosesAccessAtOnce() {
        var session = open();
        assertTrue(store.touch(session.id()).orElseThrow().may(Permission.ALERTS_READ));
        users.setRoles("dsl", Set.of(Role.GOVERNOR));
        assertFalse(store.touch(session.id()).orElseThrow().may(Permission.ALERTS_READ));
        users.disable("dsl");
        assertTrue(store.touch(session.id()).isEmpty());
    }

    @Test
    void aSessionCarriesTheSchoolsItsUserMaySee() {
        var session = open();
        assertEquals(Scope.of(7), session.scope());
        assertEquals(Scope.of(7), store.touch(session.id()).orElseThrow().scope());
    }

    @Test
    void theIdleTimeoutIsConfigurable() {
        var shortStore = new SessionStore(repository, users, SessionStoreTest::ownSchool,
                new Secrets(new SecureRandom()), clock, Duration.ofMinutes(5));
        var session = shortStore.open(users.find("dsl").orElseThrow());
        clock.advance(Duration.ofMinutes(6));
        assertTrue(shortStore.touch(session.id()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new SessionStore(repository, users,
                SessionStoreTest::ownSchool, new Secrets(new SecureRandom()), clock, Duration.ZERO));
    }
}
