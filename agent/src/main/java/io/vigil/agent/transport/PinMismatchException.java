package io.vigil.agent.transport;

import io.vigil.agent.config.CertificatePin;
import java.security.cert.CertificateException;

/** The console presented a certificate other than the pinned one; the TLS handshake is refused. */
public final class PinMismatchException extends CertificateException {

    private final CertificatePin expected;
    private final CertificatePin actual;

    public PinMismatchException(CertificatePin expected, CertificatePin actual) {
        super("console certificate does not match the pinned fingerprint: expected " + expected + ", got " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    public CertificatePin expected() {
        return expected;
    }

    public CertificatePin actual() {
        return actual;
    }
}
