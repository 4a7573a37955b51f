package io.vigil.console.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateStoreTest {

    @TempDir
    Path dir;

    @Test
    void theCertificateIsMadeOnceAndReusedWithTheSameFingerprint() throws Exception {
        TlsIdentity first = new CertificateStore(dir).loadOrCreate();
        TlsIdentity second = new CertificateStore(dir).loadOrCreate();
        assertEquals(first.fingerprint(), second.fingerprint());
        assertTrue(first.fingerprint().matches("[0-9a-f]{64}"));
        assertEquals("EC", first.privateKey().getAlgorithm());
        assertTrue(Files.readString(dir.resolve(CertificateStore.KEY_FILE)).startsWith("-----BEGIN PRIVATE KEY-----"),
                "PKCS#8 PEM, as Netty wants");
    }

    @Test
    void theCertificateNamesLoopbackAndTheHost() throws Exception {
        var cert = new CertificateStore(dir).loadOrCreate().certificate();
        List<String> names = cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
        assertTrue(names.contains("localhost"), names.toString());
        assertTrue(names.contains("127.0.0.1"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.startsWith("0:0:0:0:0:0:0:1")), names.toString());
        cert.checkValidity();
    }

    @Test
    void aCorruptKeyIsReportedNotReplaced() throws Exception {
        new CertificateStore(dir).loadOrCreate();
        Files.writeString(dir.resolve(CertificateStore.KEY_FILE), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        var e = assertThrows(ConsoleException.class, () -> new CertificateStore(dir).loadOrCreate());
        assertTrue(e.getMessage().contains("console-key.pem: not a PKCS#8 PEM EC private key"), e.getMessage());
    }

    @Test
    void aMissingHalfOfThePairIsReported() throws Exception {
        new CertificateStore(dir).loadOrCreate();
        Files.delete(dir.resolve(CertificateStore.CERT_FILE));
        var e = assertThrows(ConsoleException.class, () -> new CertificateStore(dir).loadOrCreate());
        assertTrue(e.getMessage().contains("console-cert.pem is missing"), e.getMessage());
    }
}
