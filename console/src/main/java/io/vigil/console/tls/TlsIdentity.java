package io.vigil.console.tls;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import io.vigil.console.domain.Secrets;

/**
 * The console's certificate and key, used by both the agent gRPC listener and the HTTPS console.
 * Agents pin {@link #fingerprint()}, so the pair is kept for the life of the installation.
 */
public record TlsIdentity(X509Certificate certificate, PrivateKey privateKey, Path certificateFile, Path keyFile) {

    /** SHA-256 over the DER certificate, 64 lowercase hex characters: what agents pin. */
    public String fingerprint() {
        return fingerprintOf(certificate);
    }

    public static String fingerprintOf(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(Secrets.sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate always has an encoding", e);
        }
    }

    /** An in-memory PKCS#12 key store for servers that want one (Jetty). */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("console", privateKey, password, new X509Certificate[] {certificate});
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build an in-memory key store", e);
        }
    }
}
