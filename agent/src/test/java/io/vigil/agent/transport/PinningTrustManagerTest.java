package io.vigil.agent.transport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.testing.TestCertificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

class PinningTrustManagerTest {

    private final TestCertificate console = TestCertificate.forLocalhost();
    private final TestCertificate impostor = TestCertificate.forLocalhost();

    @Test
    void trustsExactlyThePinnedCertificateWithoutAnyCa() {
        PinningTrustManager trust = new PinningTrustManager(console.pin());
        assertDoesNotThrow(() -> trust.checkServerTrusted(new X509Certificate[] {console.certificate()}, "ECDHE_ECDSA"));
        var e = assertThrows(PinMismatchException.class,
                () -> trust.checkServerTrusted(new X509Certificate[] {impostor.certificate()}, "ECDHE_ECDSA"));
        assertEquals(console.pin(), e.expected());
        assertEquals(impostor.pin(), e.actual());
        assertTrue(e.getMessage().contains("expected " + console.pin() + ", got " + impostor.pin()));
        assertEquals(e, trust.takeLastMismatch().orElseThrow());
        assertTrue(trust.takeLastMismatch().isEmpty(), "reported once");
    }

    @Test
    void anEmptyChainAndClientCertificatesAreRefused() {
        PinningTrustManager trust = new PinningTrustManager(console.pin());
        assertThrows(CertificateException.class, () -> trust.checkServerTrusted(new X509Certificate[0], "RSA"));
        assertThrows(CertificateException.class,
                () -> trust.checkClientTrusted(new X509Certificate[] {console.certificate()}, "RSA"));
    }
}
