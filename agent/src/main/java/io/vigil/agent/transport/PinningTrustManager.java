package io.vigil.agent.transport;

import io.vigil.agent.config.CertificatePin;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate: the console's, identified by its SHA-256 fingerprint. No CA chain
 * is built or checked; schools run the console with a self-signed certificate, and the pin (given
 * out with the enrolment token) is the whole trust decision.
 *
 * <p>Extends {@link X509ExtendedTrustManager} on purpose: for a plain X509TrustManager the JDK adds
 * hostname verification, which adds nothing once the exact certificate is pinned and would refuse a
 * console reached by a name missing from its certificate.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {

    private final CertificatePin pin;
    private final AtomicReference<PinMismatchException> lastMismatch = new AtomicReference<>();

    public PinningTrustManager(CertificatePin pin) {
        this.pin = pin;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("console presented no certificate");
        }
        CertificatePin actual = CertificatePin.of(chain[0]);
        if (!pin.equals(actual)) {
            PinMismatchException mismatch = new PinMismatchException(pin, actual);
            lastMismatch.set(mismatch);
            throw mismatch;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    /**
     * The most recent refusal not yet reported, because TLS stacks do not always pass the cause
     * through intact. Taking it clears it, so a later, unrelated failure is not blamed on the pin.
     */
    public Optional<PinMismatchException> takeLastMismatch() {
        return Optional.ofNullable(lastMismatch.getAndSet(null));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the agent does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
