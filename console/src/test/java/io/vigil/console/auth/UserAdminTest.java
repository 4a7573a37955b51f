package io.vigil.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.Secrets;
import io.vigil.console.testing.InMemoryAuditLog;
import io.vigil.console.testing.InMemorySecondFactors;
import io.vigil.console.testing.InMemorySessions;
import io.vigil.console.testing.InMemoryUsers;
import io.vigil.console.testing.MutableClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserAdminTest {

    private static final PasswordHasher FAST = new PasswordHasher(new SecureRandom(), 64, 1, 1);

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final InMemoryUsers users = new InMemoryUsers();
    private final InMemorySessions sessionRows = new InMemorySessions();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private SessionStore sessions;
    private UserAdmin admin;

    @BeforeEach
    void setUp() {
        var factors = new SecondFactors(new InMemorySecondFactors(), SecretSealer.loadOrCreate(dataDir,
                new SecureRandom()), new SecureRandom(), clock);
        admin = new UserAdmin(users, FAST, PasswordPolicy.bundled(), factors, sessionRows, audit, clock);
        sessions = new SessionStore(sessionRows, users, u -> io.vigil.console.domain.Scope.of(1),
                new Secrets(new SecureRandom()), clock, Duration.ofMinutes(20));
        admin.add("cli", "head", Set.of(Role.HEADTEACHER), Membership.school(1), "tangerine otter lighthouse",
                Optional.empty());
        admin.add("cli", "mrs.khan", Set.of(Role.DSL), Membership.school(1), "tangerine otter lighthouse",
                Optional.of(new byte[20]));
    }

    private String signIn(String username) {
        return sessions.open(users.find(username).orElseThrow()).id();
    }

    @Test
    void disablingEndsEverySessionOfTheUserAndIsAudited() {
        String laptop = signIn("mrs.khan");
        String phone = signIn("mrs.khan");
        String head = signIn("head");
        admin.setDisabled("head", "mrs.khan", true);
        assertTrue(sessions.touch(laptop).isEmpty());
        assertTrue(sessions.touch(phone).isEmpty());
        assertTrue(sessions.touch(head).isPresent(), "only that user's sessions");
        assertEquals(1, audit.count(AuditAction.USER_DISABLE));
        assertTrue(audit.latest(1).getFirst().detail().contains("sessions_ended=2"), audit.latest(1).toString());
    }

    @Test
    void aPasswordResetOrRoleChangeEndsTheSessionsToo() {
        String one = signIn("mrs.khan");
        admin.resetPassword("head", "mrs.khan", "a brand new long passphrase");
        assertTrue(sessions.touch(one).isEmpty());
        String two = signIn("mrs.khan");
        admin.setRoles("head", "mrs.khan", Set.of(Role.DEPUTY_DSL));
        assertTrue(sessions.touch(two).isEmpty());
        assertEquals(Set.of(Role.DEPUTY_DSL), users.find("mrs.khan").orElseThrow().roles());
    }

    @Test
    void nobodyDisablesThemselvesAndWeakOrUnknownInputIsRefused() {
        assertThrows(ConsoleException.class, () -> admin.setDisabled("head", "head", true));
        assertThrows(ConsoleException.class, () -> admin.resetPassword("head", "mrs.khan", "password123456"));
        assertThrows(ConsoleException.class, () -> admin.setDisabled("head", "nobody", true));
        assertThrows(ConsoleException.class, () -> admin.setRoles("head", "mrs.khan", Set.of()));
    }

    @Test
    void aSecretGivenAtAddIsEnrolledAndAudited() {
        assertEquals(1, audit.count(AuditAction.USER_TOTP_SET));
    }
}
