package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mistakes an IT provider makes between the two programs: each must end with a message that names the
 * problem, a non-zero exit, and nothing half-done. (Each program's own flag, port and file errors are
 * tested in its module.)
 */
class OperatorMistakesIT {

    @TempDir
    Path tmp;

    @Test
    void enrolmentWithAWrongTokenIsRefusedAndWritesNoConfig() {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            Path config = tmp.resolve("laptop").resolve("agent.properties");
            JavaProcess.Result result = site.agent("enrol", "--console", "127.0.0.1:" + site.grpcPort,
                    "--token", "not-a-real-token", "--pin", site.fingerprint(), "--config", config.toString());
            assertNotEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("enrolment token not recognised"), result.output());
            assertFalse(Files.exists(config), "a refused enrolment must not leave a config behind");
        }
    }

    @Test
    void enrolmentWithAWrongCertificatePinIsRefusedAndWritesNoConfig() {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            String wrongPin = "00".repeat(32);
            Path config = tmp.resolve("laptop").resolve("agent.properties");
            JavaProcess.Result result = site.agent("enrol", "--console", "127.0.0.1:" + site.grpcPort,
                    "--token", site.createToken(), "--pin", wrongPin, "--config", config.toString());
            assertNotEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("does not match --pin"), result.output());
            assertTrue(result.output().contains(site.fingerprint()),
                    "the message should show the certificate actually offered:\n" + result.output());
            assertFalse(Files.exists(config), "a refused enrolment must not leave a config behind");
        }
    }

    @Test
    void consoleRefusesADataDirectoryItCannotWrite() throws Exception {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path locked = Files.createDirectory(tmp.resolve("locked"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        // Root ignores permission bits, so as root run the console as an unprivileged user.
        List<String> asUnprivileged = isRoot()
                ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")
                : List.of();

        JavaProcess.Result result = JavaProcess.run(VigilSite.CONSOLE_JAR, tmp.resolve("serve.log"), asUnprivileged,
                null, VigilSite.COMMAND_LIMIT, "serve", "--data", locked.toString(), "--bind", "127.0.0.1",
                "--http-port", String.valueOf(FreePort.pick()), "--grpc-port", String.valueOf(FreePort.pick()));

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains(locked.toString()), "the message must name the directory:\n"
                + result.output());
        assertFalse(result.output().contains("\tat "), "expected a message, not a stack trace:\n" + result.output());
        try (var entries = Files.list(locked)) {
            assertEquals(0, entries.count(), "nothing may be written to the refused directory");
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
