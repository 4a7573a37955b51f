package io.vigil.console.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchoolCertificateTest {

    private static final Instant NEXT_YEAR = Instant.now().plus(Duration.ofDays(365));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} key as {1}")
    @CsvSource({"RSA, PKCS8", "RSA, TRADITIONAL", "EC, PKCS8", "EC, TRADITIONAL"})
    void loadsRsaAndEcKeysInPkcs8AndTheOlderForms(String algorithm, TestCertificates.KeyForm form) throws Exception {
        var files = TestCertificates.write(dir, algorithm, form, NEXT_YEAR);
        if (form == TestCertificates.KeyForm.TRADITIONAL) {
            String header = algorithm.equals("EC") ? "BEGIN EC PRIVATE KEY" : "BEGIN RSA PRIVATE KEY";
            assertTrue(Files.readString(files.key()).contains(header), Files.readString(files.key()));
        } else {
            assertTrue(Files.readString(files.key()).contains("BEGIN PRIVATE KEY"));
        }
        var loaded = SchoolCertificate.load(files.certificate(), files.key(), Instant.now());
        assertEquals(files.parsed(), loaded.chain().getFirst());
        assertEquals(1, loaded.keyStore("x".toCharArray()).size());
    }

    @Test
    void aKeyFromAnotherCertificateIsRefusedNamingBothFiles() throws Exception {
        var one = TestCertificates.write(Files.createDirectory(dir.resolve("a")), "RSA",
                TestCertificates.KeyForm.PKCS8, NEXT_YEAR);
        var other = TestCertificates.write(Files.createDirectory(dir.resolve("b")), "RSA",
                TestCertificates.KeyForm.PKCS8, NEXT_YEAR);
        var e = assertThrows(ConsoleException.class,
                () -> SchoolCertificate.load(one.certificate(), other.key(), Instant.now()));
        assertTrue(e.getMessage().contains("is not the private key of the certificate in " + one.certificate()),
                e.getMessage());
        var ec = TestCertificates.write(Files.createDirectory(dir.resolve("c")), "EC", TestCertificates.KeyForm.PKCS8,
                NEXT_YEAR);
        var ec2 = TestCertificates.write(Files.createDirectory(dir.resolve("d")), "EC",
                TestCertificates.KeyForm.TRADITIONAL, NEXT_YEAR);
        assertThrows(ConsoleException.class, () -> SchoolCertificate.load(ec.certificate(), ec2.key(), Instant.now()));
        assertThrows(ConsoleException.class, () -> SchoolCertificate.load(ec.certificate(), one.key(), Instant.now()));
    }

    @Test
    void missingGarbageSwappedAndExpiredFilesFailWithAPreciseMessage() throws Exception {
        var good = TestCertificates.write(dir, "RSA", TestCertificates.KeyForm.PKCS8, NEXT_YEAR);
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "hello\n");
        assertMessage("--tls-cert " + dir.resolve("nope.crt") + ": no such file",
                () -> SchoolCertificate.load(dir.resolve("nope.crt"), good.key(), Instant.now()));
        assertMessage("is not a PEM certificate",
                () -> SchoolCertificate.load(garbage, good.key(), Instant.now()));
        assertMessage("holds no unencrypted private key",
                () -> SchoolCertificate.load(good.certificate(), garbage, Instant.now()));
        assertMessage("holds no unencrypted private key",
                () -> SchoolCertificate.load(good.certificate(), good.certificate(), Instant.now()));
        var expired = TestCertificates.write(Files.createDirectory(dir.resolve("old")), "EC",
                TestCertificates.KeyForm.PKCS8, Instant.now().minus(Duration.ofDays(1)));
        assertMessage("expired on", () -> SchoolCertificate.load(expired.certificate(), expired.key(), Instant.now()));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable load) {
        var e = assertThrows(ConsoleException.class, load);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
