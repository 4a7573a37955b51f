package io.vigil.console.tls;

import io.vigil.console.domain.ConsoleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The school's own certificate for the HTTPS console ({@code serve --tls-cert FILE --tls-key FILE}), so staff
 * browsers trust it without a warning. PEM only: the certificate file may hold the chain (leaf first, as
 * {@code fullchain.pem}); the key may be PKCS#8 ({@code BEGIN PRIVATE KEY}) or the older PKCS#1 RSA / SEC1 EC
 * forms ({@code BEGIN RSA PRIVATE KEY}, {@code BEGIN EC PRIVATE KEY}), parsed by BouncyCastle, already a
 * dependency. Every problem stops {@code serve} before it listens, naming the file and what is wrong.
 *
 * <p>Agents do not use it: they pin the console's own self-signed certificate on the gRPC port, which must not
 * change each time a school's certificate is renewed.
 */
public record SchoolCertificate(List<X509Certificate> chain, PrivateKey key) {

    public static SchoolCertificate load(Path certificateFile, Path keyFile, Instant now) {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        X509Certificate leaf = chain.getFirst();
        if (!matches(leaf.getPublicKey(), key)) {
            throw new ConsoleException("--tls-key " + keyFile + " is not the private key of the certificate in "
                    + certificateFile + " (" + leaf.getSubjectX500Principal().getName() + ")");
        }
        if (leaf.getNotAfter().toInstant().isBefore(now)) {
            throw new ConsoleException("--tls-cert " + certificateFile + " expired on " + leaf.getNotAfter().toInstant()
                    + "; renew it (browsers refuse an expired certificate)");
        }
        return new SchoolCertificate(List.copyOf(chain), key);
    }

    /** An in-memory PKCS#12 key store for Jetty, with the whole chain. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("console", key, password, chain.toArray(new X509Certificate[0]));
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build an in-memory key store", e);
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        requireReadable(file, "--tls-cert");
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new ConsoleException("--tls-cert " + file + " holds no certificate (expected PEM: -----BEGIN"
                        + " CERTIFICATE-----)");
            }
            return chain;
        } catch (CertificateException e) {
            throw new ConsoleException("--tls-cert " + file + " is not a PEM certificate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConsoleException("--tls-cert " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        requireReadable(file, "--tls-key");
        try (Reader in = Files.newBufferedReader(file); PEMParser pem = new PEMParser(in)) {
            Object parsed = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PrivateKeyInfo pkcs8) {
                return converter.getPrivateKey(pkcs8);
            }
            if (parsed instanceof PEMKeyPair pair) {
                // SEC1 keys may leave out the public point; the private half is all a server needs.
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            throw new ConsoleException("--tls-key " + file + " holds no unencrypted private key (expected PEM:"
                    + " BEGIN PRIVATE KEY, BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY"
                    + (parsed == null ? "" : "; found " + parsed.getClass().getSimpleName()
                    + ", e.g. an encrypted key: decrypt it with openssl pkey") + ")");
        } catch (PEMException e) {
            throw new ConsoleException("--tls-key " + file + " is not a readable PEM key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ConsoleException("--tls-key " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void requireReadable(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new ConsoleException(option + " " + file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new ConsoleException(option + " " + file + ": not readable by this user");
        }
    }

    /** Without signing anything (only console.signing may): compare the public halves directly. */
    private static boolean matches(PublicKey certificateKey, PrivateKey key) {
        if (certificateKey instanceof RSAPublicKey rsa && key instanceof RSAPrivateCrtKey crt) {
            return rsa.getModulus().equals(crt.getModulus()) && rsa.getPublicExponent().equals(crt.getPublicExponent());
        }
        if (certificateKey instanceof ECPublicKey ec && key instanceof ECPrivateKey priv) {
            var spec = EC5Util.convertSpec(priv.getParams());
            var expected = spec.getG().multiply(priv.getS()).normalize();
            var actual = EC5Util.convertPoint(ec.getParams(), ec.getW()).normalize();
            return expected.equals(actual);
        }
        return false;
    }

}
