package io.vigil.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.tls.TestCertificates;
import io.vigil.console.tls.TlsIdentity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --tls-cert/--tls-key}: browsers get the school's certificate; agents keep the pinned one. */
class SchoolCertificateIT {

    @TempDir
    Path tmp;

    @Test
    void theWebConsoleServesTheSchoolsCertificateAndAgentsKeepThePinnedOne() throws Exception {
        var school = TestCertificates.write(tmp, "EC", TestCertificates.KeyForm.TRADITIONAL,
                Instant.now().plus(Duration.ofDays(90)));
        Path data = tmp.resolve("data");
        var options = new ServeOptions(data, "127.0.0.1", 0, 0)
                .withWebTls(Optional.of(new ServeOptions.WebTls(school.certificate(), school.key())));
        try (var console = new ConsoleWiring().serve(options)) {
            int port = Integer.parseInt(console.webUrl().replaceAll(".*:(\\d+)/$", "$1"));
            // This client trusts only the school's certificate: the handshake proves which one is served.
            var response = new HttpsClient(port, school.certificate()).get("/login");
            assertEquals(200, response.statusCode());
            assertNotEquals(TlsIdentity.fingerprintOf(school.parsed()), console.fingerprint(),
                    "agents pin the console's own certificate, not the school's");
            assertThrows(Exception.class, () -> new HttpsClient(port, data.resolve("console-cert.pem")).get("/login"),
                    "the self-signed certificate is no longer what browsers see");
        }
    }

    @Test
    void aMismatchedKeyStopsServeBeforeItWritesAnything() throws Exception {
        var one = TestCertificates.write(Files.createDirectory(tmp.resolve("one")), "RSA",
                TestCertificates.KeyForm.PKCS8, Instant.now().plus(Duration.ofDays(90)));
        var two = TestCertificates.write(Files.createDirectory(tmp.resolve("two")), "RSA",
                TestCertificates.KeyForm.TRADITIONAL, Instant.now().plus(Duration.ofDays(90)));
        Path data = tmp.resolve("untouched");
        var options = new ServeOptions(data, "127.0.0.1", 0, 0)
                .withWebTls(Optional.of(new ServeOptions.WebTls(one.certificate(), two.key())));
        var e = assertThrows(ConsoleException.class, () -> new ConsoleWiring().serve(options));
        assertTrue(e.getMessage().contains("--tls-key " + two.key() + " is not the private key"), e.getMessage());
        assertFalse(Files.exists(data), "nothing written");
    }
}
