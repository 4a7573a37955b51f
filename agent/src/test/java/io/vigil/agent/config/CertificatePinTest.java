package io.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.testing.TestCertificate;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificatePinTest {

    private static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void plainLowerCaseHexIsAccepted() {
        assertEquals(HEX, CertificatePin.parse(HEX).hex());
    }

    @Test
    void upperCaseAndColonSeparatedFormsNormaliseToTheSamePin() {
        String colons = HEX.toUpperCase().replaceAll("(..)(?!$)", "$1:");
        assertEquals(CertificatePin.parse(HEX), CertificatePin.parse(colons));
        assertEquals(CertificatePin.parse(HEX), CertificatePin.parse("  " + HEX.toUpperCase() + "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void anythingButSixtyFourHexDigitsIsRefusedWithTheReason(String bad) {
        var e = assertThrows(IllegalArgumentException.class, () -> CertificatePin.parse(bad));
        assertTrue(e.getMessage().contains("is not a SHA-256 fingerprint"), e.getMessage());
        assertTrue(e.getMessage().contains("64 hex digits"), e.getMessage());
    }

    @Test
    void misplacedSeparatorsAreRefused() {
        String odd = "012:3456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var e = assertThrows(IllegalArgumentException.class, () -> CertificatePin.parse(odd));
        assertTrue(e.getMessage().contains("AB:12:"), e.getMessage());
    }

    @Test
    void fingerprintIsSha256OfTheDerCertificate() throws Exception {
        TestCertificate cert = TestCertificate.forLocalhost();
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(cert.certificate().getEncoded()));
        assertEquals(expected, CertificatePin.of(cert.certificate()).hex());
        assertTrue(CertificatePin.parse(expected.toUpperCase()).matches(cert.certificate()));
        assertFalse(CertificatePin.parse(HEX).matches(cert.certificate()));
    }
}
