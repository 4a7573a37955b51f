package io.vigil.console.tls;

import io.vigil.console.domain.ConsoleException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the console certificate and its key as PEM files in the data directory: made on first start,
 * reused after. The key is PKCS#8 ("BEGIN PRIVATE KEY"), the form Netty's TLS accepts.
 */
public final class CertificateStore {

    public static final String CERT_FILE = "console-cert.pem";
    public static final String KEY_FILE = "console-key.pem";
    private static final Logger LOG = LoggerFactory.getLogger(CertificateStore.class);

    private final Path certFile;
    private final Path keyFile;

    public CertificateStore(Path dataDir) {
        this.certFile = dataDir.resolve(CERT_FILE);
        this.keyFile = dataDir.resolve(KEY_FILE);
    }

    public boolean exists() {
        return Files.exists(certFile) || Files.exists(keyFile);
    }

    public TlsIdentity loadOrCreate() {
        if (!exists()) {
            create();
        }
        return load();
    }

    public TlsIdentity load() {
        if (!Files.exists(certFile) || !Files.exists(keyFile)) {
            Path missing = Files.exists(certFile) ? keyFile : certFile;
            throw new ConsoleException("console certificate incomplete: " + missing + " is missing; restore it from"
                    + " backup, or delete " + certFile + " and " + keyFile + " to make a new certificate"
                    + " (agents then need the new fingerprint)");
        }
        X509Certificate certificate = readCertificate();
        PrivateKey key = readKey();
        return new TlsIdentity(certificate, key, certFile, keyFile);
    }

    private X509Certificate readCertificate() {
        try {
            byte[] der = Pem.decode(Files.readString(certFile, StandardCharsets.US_ASCII), "CERTIFICATE");
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw corrupt(certFile, "a PEM certificate", e);
        }
    }

    private PrivateKey readKey() {
        try {
            byte[] der = Pem.decode(Files.readString(keyFile, StandardCharsets.US_ASCII), "PRIVATE KEY");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw corrupt(keyFile, "a PKCS#8 PEM EC private key", e);
        }
    }

    private ConsoleException corrupt(Path file, String expected, Exception e) {
        return new ConsoleException("cannot read " + file + ": not " + expected + " (" + e.getMessage() + ");"
                + " restore it from backup, or delete " + certFile + " and " + keyFile
                + " to make a new certificate (agents then need the new fingerprint)", e);
    }

    private void create() {
        String hostname = SelfSignedCertificates.localHostname();
        try {
            var generated = new SelfSignedCertificates(new SecureRandom()).generate(hostname);
            // Key first, owner-only, then the certificate: a crash in between leaves an incomplete pair,
            // which load() reports instead of silently replacing.
            writeAtomically(keyFile, Pem.encode("PRIVATE KEY", generated.keyPair().getPrivate().getEncoded()), true);
            writeAtomically(certFile, Pem.encode("CERTIFICATE", generated.certificate().getEncoded()), false);
            LOG.info("Created console certificate {} for localhost, 127.0.0.1, ::1 and {}", certFile, hostname);
        } catch (GeneralSecurityException | IOException e) {
            throw new ConsoleException("cannot create the console certificate in " + certFile.getParent() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path file, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        if (secret) {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Non-POSIX file system: the data directory's ACL protects the key.
            }
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Minimal PEM: the JDK has Base64, and these files only ever hold one block. */
    static final class Pem {
        private Pem() {
        }

        static String encode(String type, byte[] der) {
            return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                    + "\n-----END " + type + "-----\n";
        }

        static byte[] decode(String pem, String type) {
            String begin = "-----BEGIN " + type + "-----";
            String end = "-----END " + type + "-----";
            int from = pem.indexOf(begin);
            int to = pem.indexOf(end);
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("no " + begin + " block");
            }
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
        }
    }
}
