package io.vigil.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.cli.AgentCli;
import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.ConfigFile;
import io.vigil.agent.platform.Platform;
import io.vigil.agent.testing.TestCertificate;
import io.vigil.agent.testing.TestConsole;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil-agent enrol} against a real TLS gRPC console on loopback. */
class EnrolmentIT {

    @TempDir
    Path dir;

    private TestConsole console;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void startConsole() throws Exception {
        console = new TestConsole(TestCertificate.forLocalhost()).start();
    }

    @AfterEach
    void stopConsole() throws Exception {
        console.close();
    }

    private int agent(String... args) {
        CommandLine cli = AgentCli.commandLine(Platform.current(), (c, r, u) -> {
            throw new AssertionError("run is not under test");
        }, (s, b, e) -> {
            throw new AssertionError("filter is not under test");
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path config() {
        return dir.resolve("etc/vigil/agent.properties");
    }

    @Test
    void enrolWritesAnOwnerOnlyConfigThatRunCanLoad() throws Exception {
        String colonPin = console.certificate().pin().hex().toUpperCase().replaceAll("(..)(?!$)", "$1:");
        int code = agent("enrol", "--console", console.address(), "--token", TestConsole.TOKEN, "--pin", colonPin,
                "--config", config().toString());

        assertEquals(0, code, err.toString());
        AgentConfig written = new ConfigFile(config()).load();
        assertEquals(console.address(), written.console().toString());
        assertEquals(console.certificate().pin(), written.pin());
        assertTrue(written.deviceId().startsWith("dev-"));
        assertFalse(written.deviceCredential().isBlank());
        assertEquals(config().getParent().resolve("spool.mv.db"), written.spoolPath());
        assertEquals(config().getParent().resolve("state"), written.statePath());
        assertEquals("Enrolled as device " + written.deviceId() + " (" + TestConsole.SCHOOL + ")\n", out.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config())));
        assertEquals(1, console.enrollCalls());
    }

    @Test
    void aConsoleWithAnotherCertificateIsRefusedBeforeAnythingIsSent() {
        String wrongPin = TestCertificate.forLocalhost().pin().hex();
        int code = agent("enrol", "--console", console.address(), "--token", TestConsole.TOKEN, "--pin", wrongPin,
                "--config", config().toString());

        assertEquals(1, code);
        assertEquals("vigil-agent: console certificate does not match --pin: expected " + wrongPin + ", got "
                + console.certificate().pin() + "\n", err.toString());
        assertEquals(0, console.enrollCalls(), "the token must not reach an unpinned server");
        assertFalse(Files.exists(config()));
    }

    @Test
    void aWrongTokenIsReportedPlainly() {
        int code = agent("enrol", "--console", console.address(), "--token", "guessed", "--pin",
                console.certificate().pin().hex(), "--config", config().toString());

        assertEquals(1, code);
        // The console's own reason is passed on (a real console also says "expired" or "revoked ... on <date>").
        assertEquals("vigil-agent: enrolment refused by console: unknown token\n", err.toString());
        assertFalse(Files.exists(config()));
    }

    @Test
    void anUnreachableConsoleIsReportedPlainly() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        int code = agent("enrol", "--console", "127.0.0.1:" + closedPort, "--token", TestConsole.TOKEN, "--pin",
                console.certificate().pin().hex(), "--config", config().toString());

        assertEquals(1, code);
        assertTrue(err.toString().startsWith("vigil-agent: cannot reach console at 127.0.0.1:" + closedPort + ": "),
                err.toString());
        assertTrue(err.toString().toLowerCase().contains("refused"), err.toString());
        assertEquals(1, err.toString().lines().count(), "one line, no stack trace: " + err);
    }

    @Test
    void thePinIsTheTrustDecisionEvenWhenTheCertificateNamesAnotherHost() throws Exception {
        try (TestConsole elsewhere = new TestConsole(TestCertificate.selfSigned("console.other-school.example"))
                .start()) {
            int code = agent("enrol", "--console", elsewhere.address(), "--token", TestConsole.TOKEN, "--pin",
                    elsewhere.certificate().pin().hex(), "--config", config().toString());
            assertEquals(0, code, err.toString());
        }
    }

    @Test
    void anExistingConfigIsNotOverwrittenWithoutForce() throws Exception {
        String[] args = {"enrol", "--console", console.address(), "--token", TestConsole.TOKEN, "--pin",
                console.certificate().pin().hex(), "--config", config().toString()};
        assertEquals(0, agent(args));
        String deviceId = new ConfigFile(config()).load().deviceId();
        assertEquals(2, agent(args));
        assertTrue(err.toString().contains("config " + config() + " already exists (device " + deviceId
                + "); pass --force"), err.toString());
    }

    @Test
    void badFlagValuesAreUsageErrorsNamingTheFlag() {
        assertEquals(2, agent("enrol", "--console", console.address(), "--token", "t", "--pin", "xyz",
                "--config", config().toString()));
        assertTrue(err.toString().startsWith("vigil-agent: Invalid value for option '--pin': pin 'xyz' is not a "
                + "SHA-256 fingerprint"), err.toString());
    }
}
