package io.vigil.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.Role;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private Instant now = Instant.parse("2026-11-23T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SessionStore store = new SessionStore(new Secrets(new SecureRandom()), clock);
    private final User dsl = new User(1, "dsl", Role.DSL, "hash", false,
            io.vigil.console.domain.Membership.school(1));

    @Test
    void aSessionStaysAliveWhileUsedAndExpiresAfter30IdleMinutes() {
        var session = store.open(dsl, io.vigil.console.domain.Scope.of(1));
        now = now.plus(Duration.ofMinutes(29));
        assertTrue(store.touch(session.id()).isPresent());
        now = now.plus(Duration.ofMinutes(29));
        assertEquals("dsl", store.touch(session.id()).orElseThrow().username(), "touch restarted the idle timer");
        now = now.plus(Duration.ofMinutes(31));
        assertTrue(store.touch(session.id()).isEmpty());
    }

    @Test
    void peekingDoesNotRestartTheIdleTimer() {
        var session = store.open(dsl, io.vigil.console.domain.Scope.of(1));
        now = now.plus(Duration.ofMinutes(29));
        assertTrue(store.peek(session.id()).isPresent());
        now = now.plus(Duration.ofMinutes(2));
        assertTrue(store.peek(session.id()).isEmpty(), "31 minutes since the last real use");
        assertTrue(store.touch(session.id()).isEmpty());
        assertTrue(store.peek(null).isEmpty());
    }

    @Test
    void closedAndUnknownSessionsAreGone() {
        var session = store.open(dsl, io.vigil.console.domain.Scope.of(1));
        store.close(session.id());
        assertTrue(store.touch(session.id()).isEmpty());
        assertTrue(store.touch("made-up").isEmpty());
        assertTrue(store.touch(null).isEmpty());
    }
}
