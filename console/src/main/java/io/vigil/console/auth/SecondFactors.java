package io.vigil.console.auth;

import io.vigil.console.domain.Role;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * TOTP enrolment and checking, with single-use recovery codes for a lost phone. Who must use it: the
 * safeguarding roles (they read what children typed) and anyone who can publish or approve keyword lists and
 * filter policy (a change there reaches every device).
 */
public final class SecondFactors {

    public static final int RECOVERY_CODES = 10;
    /** 160 bits, the size RFC 4226 recommends for HMAC-SHA-1 keys. */
    private static final int SECRET_BYTES = 20;

    /** What an enrolment hands the user once: nothing here is stored in the clear. */
    public record Enrolment(String secretBase32, String otpauthUri, List<String> recoveryCodes) {
    }

    private final SecondFactorRepository store;
    private final SecretSealer sealer;
    private final SecureRandom random;
    private final Clock clock;

    public SecondFactors(SecondFactorRepository store, SecretSealer sealer, SecureRandom random, Clock clock) {
        this.store = store;
        this.sealer = sealer;
        this.random = random;
        this.clock = clock;
    }

    public static boolean required(User user) {
        return required(user.roles());
    }

    public static boolean required(java.util.Set<Role> roles) {
        return Role.needsSecondFactor(roles);
    }

    public boolean enrolled(User user) {
        return store.sealedSecret(user.id()).isPresent();
    }

    /** A new random secret. */
    public Enrolment enrol(User user) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return enrol(user, secret);
    }

    /** A secret the administrator chose (e.g. already typed into the user's app), as base32. */
    public Enrolment enrol(User user, byte[] secret) {
        if (secret.length < 10) {
            throw new io.vigil.console.domain.ConsoleException("a TOTP secret must be at least 80 bits (16 base32"
                    + " characters), was " + secret.length * 8 + " bits");
        }
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] raw = new byte[7];
            random.nextBytes(raw);
            String code = Base32.encode(raw).substring(0, 10).toLowerCase(Locale.ROOT);
            codes.add(code.substring(0, 5) + "-" + code.substring(5));
            hashes.add(Secrets.sha256Hex(code));
        }
        store.enrol(user.id(), sealer.seal(user.id(), secret), hashes, clock.instant());
        String b32 = Base32.encode(secret);
        return new Enrolment(b32, otpauthUri(user.username(), b32), List.copyOf(codes));
    }

    static String otpauthUri(String username, String secretBase32) {
        String label = URLEncoder.encode("Vigil:" + username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + secretBase32
                + "&issuer=Vigil&algorithm=SHA1&digits=6&period=30";
    }

    /**
     * True for a current TOTP code not used before, or an unused recovery code (which is then spent).
     * A code of the right form that was already used counts as wrong: a replay must not open a session.
     */
    public boolean verify(User user, String presented) {
        if (presented == null) {
            return false;
        }
        String code = presented.strip().replace(" ", "");
        var sealed = store.sealedSecret(user.id());
        if (sealed.isEmpty()) {
            return false;
        }
        if (code.length() == Totp.DIGITS) {
            OptionalLong step = Totp.matchingStep(sealer.open(user.id(), sealed.get()), code, clock.instant());
            return step.isPresent() && store.useStep(user.id(), step.getAsLong());
        }
        String normalised = code.replace("-", "").toLowerCase(Locale.ROOT);
        return normalised.length() == 10
                && store.useRecoveryCode(user.id(), Secrets.sha256Hex(normalised), clock.instant());
    }
}
