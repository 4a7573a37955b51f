package io.vigil.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.User;
import io.vigil.console.testing.InMemorySecondFactors;
import io.vigil.console.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecondFactorsTest {

    private static final User DSL = new User(7, "mrs.khan", Set.of(Role.DSL), "h", false, Membership.school(1));

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:10Z"));

    private SecondFactors factors() {
        return new SecondFactors(new InMemorySecondFactors(), SecretSealer.loadOrCreate(dataDir, new SecureRandom()),
                new SecureRandom(), clock);
    }

    @Test
    void safeguardingRolesAndListOrPolicyPublishersNeedASecondFactor() {
        assertTrue(SecondFactors.required(Set.of(Role.DSL)));
        assertTrue(SecondFactors.required(Set.of(Role.DEPUTY_DSL)));
        assertTrue(SecondFactors.required(Set.of(Role.IT_PROVIDER)), "publishes lists");
        assertTrue(SecondFactors.required(Set.of(Role.ONLINE_SAFETY_LEAD)), "publishes lists");
        assertTrue(SecondFactors.required(Set.of(Role.HEADTEACHER)), "approves changes");
        assertFalse(SecondFactors.required(Set.of(Role.GOVERNOR)));
        assertFalse(SecondFactors.required(Set.of(Role.AUDITOR)));
    }

    @Test
    void aCurrentCodeWorksOnceAndItsReplayIsRefused() {
        SecondFactors factors = factors();
        var enrolment = factors.enrol(DSL);
        byte[] secret = Base32.decode(enrolment.secretBase32());
        String code = Totp.code(secret, Totp.step(clock.instant()));
        assertTrue(factors.verify(DSL, code));
        assertFalse(factors.verify(DSL, code), "the same code again in the same step");
        clock.advance(Duration.ofSeconds(30));
        assertTrue(factors.verify(DSL, Totp.code(secret, Totp.step(clock.instant()))), "the next step's code");
        assertFalse(factors.verify(DSL, "000000".equals(code) ? "111111" : "000000"));
    }

    @Test
    void tenRecoveryCodesEachWorkOnce() {
        SecondFactors factors = factors();
        var enrolment = factors.enrol(DSL);
        assertEquals(10, enrolment.recoveryCodes().size());
        assertEquals(10, Set.copyOf(enrolment.recoveryCodes()).size());
        String first = enrolment.recoveryCodes().getFirst();
        assertTrue(factors.verify(DSL, first.toUpperCase()));
        assertFalse(factors.verify(DSL, first), "single use");
        assertTrue(factors.verify(DSL, enrolment.recoveryCodes().get(1).replace("-", "")));
    }

    @Test
    void reEnrolmentReplacesTheSecretAndTheRecoveryCodes() {
        SecondFactors factors = factors();
        var old = factors.enrol(DSL);
        var fresh = factors.enrol(DSL);
        assertFalse(factors.verify(DSL, old.recoveryCodes().get(2)));
        assertTrue(factors.verify(DSL, fresh.recoveryCodes().get(2)));
        assertTrue(fresh.otpauthUri().startsWith("otpauth://totp/Vigil%3Amrs.khan?secret=" + fresh.secretBase32()),
                fresh.otpauthUri());
    }

    @Test
    void theSecretIsSealedWithTheDataDirectoryKeyAndBoundToTheUser() throws Exception {
        SecretSealer sealer = SecretSealer.loadOrCreate(dataDir, new SecureRandom());
        String sealed = sealer.seal(7, new byte[] {1, 2, 3});
        assertEquals(3, SecretSealer.loadOrCreate(dataDir, new SecureRandom()).open(7, sealed).length, "key reused");
        assertThrows(ConsoleException.class, () -> sealer.open(8, sealed), "another user's row");
        Files.delete(dataDir.resolve(SecretSealer.KEY_FILE));
        var e = assertThrows(ConsoleException.class,
                () -> SecretSealer.loadOrCreate(dataDir, new SecureRandom()).open(7, sealed));
        assertTrue(e.getMessage().contains("totp.key"), e.getMessage());
    }
}
