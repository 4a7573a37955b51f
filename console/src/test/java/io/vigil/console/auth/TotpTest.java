package io.vigil.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B test vectors, then the window the console accepts. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "{0} s, {1}")
    @CsvSource({
            "59, HmacSHA1, 94287082", "59, HmacSHA256, 46119246", "59, HmacSHA512, 90693936",
            "1111111109, HmacSHA1, 07081804", "1111111109, HmacSHA256, 68084774", "1111111109, HmacSHA512, 25091201",
            "1111111111, HmacSHA1, 14050471", "1111111111, HmacSHA256, 67062674", "1111111111, HmacSHA512, 99943326",
            "1234567890, HmacSHA1, 89005924", "1234567890, HmacSHA256, 91819424", "1234567890, HmacSHA512, 93441116",
            "2000000000, HmacSHA1, 69279037", "2000000000, HmacSHA256, 90698825", "2000000000, HmacSHA512, 38618901",
            "20000000000, HmacSHA1, 65353130", "20000000000, HmacSHA256, 77737706", "20000000000, HmacSHA512, 47863826"})
    void rfc6238Vectors(long seconds, String algorithm, String expected) {
        byte[] seed = switch (algorithm) {
            case "HmacSHA1" -> SHA1_SEED;
            case "HmacSHA256" -> "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
            default -> ("1234567890".repeat(6) + "1234").getBytes(StandardCharsets.US_ASCII);
        };
        assertEquals(expected, Totp.code(seed, Totp.step(Instant.ofEpochSecond(seconds)), 8, algorithm));
    }

    @Test
    void appCodesAreTheLastSixDigitsOfTheRfcValue() {
        // 6-digit codes are the same truncation mod 10^6: the RFC's 94287082 shows as 287082 in an app.
        assertEquals("287082", Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(1111111109))));
    }

    @Test
    void oneStepEitherSideIsAcceptedAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        assertEquals(OptionalLong.of(step - 1), Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now));
        assertEquals(OptionalLong.of(step + 1), Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now));
        assertTrue(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now).isEmpty());
        assertTrue(Totp.matchingStep(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now).isEmpty());
        assertTrue(Totp.matchingStep(SHA1_SEED, "12345", now).isEmpty());
        assertTrue(Totp.matchingStep(SHA1_SEED, "abcdef", now).isEmpty());
    }

    @Test
    void base32RoundTripsAndMatchesTheRfc4648Example() {
        assertEquals("MZXW6YTBOI", Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("foobar", new String(Base32.decode("mzxw 6ytb oi======"), StandardCharsets.US_ASCII));
    }
}
