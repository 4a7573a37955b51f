package io.vigil.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.testing.ServeBanner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil-console.jar run as a real process, as an administrator would. */
class CliProcessIT {

    private static final Path JAR = Path.of(System.getProperty("vigil.console.jar", "target/vigil-console.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path dataDir;

    private final List<Process> started = new ArrayList<>();

    record Result(int exit, String out, String err) {
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private ProcessBuilder console(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private Result run(String stdin, String... args) throws Exception {
        Process p = console(args).start();
        started.add(p);
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        var out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        var err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "command finished");
        return new Result(p.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts serve and returns its stdout up to and including the ready line. */
    private String serve(int http, int grpc) throws Exception {
        Process p = console("serve", "--data", dataDir.toString(), "--bind", "127.0.0.1",
                "--http-port", String.valueOf(http), "--grpc-port", String.valueOf(grpc))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return ServeBanner.awaitReady(p);
    }

    @Test
    void tokenCreateAndFingerprintWorkWhileServeRunsOnTheSameDirectory() throws Exception {
        // Port 0: the OS picks two distinct free ports (two freePort() calls can return the same one).
        String banner = serve(0, 0);
        Matcher fp = Pattern.compile("Certificate SHA-256: ([0-9a-f]{64})").matcher(banner);
        assertTrue(fp.find(), banner);
        assertTrue(banner.contains("Console web: https://127.0.0.1:"), banner);
        assertTrue(banner.contains("Agent gRPC: 127.0.0.1:"), banner);

        Result unknown = run(null, "token", "create", "--data", dataDir.toString(), "--school", "Oak Primary");
        assertEquals(1, unknown.exit());
        assertEquals("vigil-console: unknown school 'Oak Primary'; there are no schools yet (add one with"
                + " `school add --name NAME`)", unknown.err().strip(), "one line naming the school");

        Result trust = run(null, "trust", "add", "--data", dataDir.toString(), "--name", "Oak Trust");
        assertEquals(0, trust.exit(), trust.err());
        Result school = run(null, "school", "add", "--data", dataDir.toString(), "--name", "Oak Primary",
                "--trust", "Oak Trust");
        assertEquals(0, school.exit(), school.err());
        Result token = run(null, "token", "create", "--data", dataDir.toString(), "--school", "Oak Primary");
        assertEquals(0, token.exit(), token.err());
        assertTrue(token.out().strip().matches("[A-Za-z0-9_-]{22,}"), token.out());

        Result fingerprint = run(null, "fingerprint", "--data", dataDir.toString());
        assertEquals(0, fingerprint.exit(), fingerprint.err());
        assertEquals(fp.group(1), fingerprint.out().strip());

        Result user = run("correct horse battery staple\n", "user", "add", "--data", dataDir.toString(),
                "--username", "head", "--role", "headteacher", "--password-stdin");
        assertEquals(0, user.exit(), user.err());
        assertTrue(user.out().contains("for school Oak Primary"), "the only school: " + user.out());
        Result trustWide = run("correct horse battery staple\n", "user", "add", "--data", dataDir.toString(),
                "--username", "ceo", "--role", "dsl", "--trust", "Oak Trust", "--password-stdin");
        assertEquals(0, trustWide.exit(), trustWide.err());
        assertTrue(trustWide.out().contains("for every school in trust Oak Trust"), trustWide.out());
    }

    @Test
    void unknownFlagExitsWith2AndNamesIt() throws Exception {
        Result result = run(null, "serve", "--data", dataDir.toString(), "--colour", "blue");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("--colour"), result.err());
        assertTrue(!result.err().contains("\tat "), "no stack trace: " + result.err());
    }

    @Test
    void occupiedPortIsReportedClearlyAndNothingIsWritten() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path fresh = dataDir.resolve("fresh");
            Result result = run(null, "serve", "--data", fresh.toString(), "--bind", "127.0.0.1",
                    "--http-port", String.valueOf(busy.getLocalPort()), "--grpc-port", String.valueOf(freePort()));
            assertNotEquals(0, result.exit());
            assertTrue(result.err().contains("port " + busy.getLocalPort() + " on 127.0.0.1 is already in use"
                    + " (HTTPS console); choose another with --http-port"), result.err());
            assertTrue(!Files.exists(fresh), "the data directory was not created");
        }
    }

    @Test
    void dataDirectoryThatIsAFileIsReportedWithExit1() throws Exception {
        Path file = Files.writeString(dataDir.resolve("not-a-dir"), "x");
        Result result = run(null, "token", "create", "--data", file.toString());
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("cannot use data directory " + file + ": it exists but is not a directory"),
                result.err());
    }

    @Test
    void shortPasswordIsRefusedWithAClearMessage() throws Exception {
        assertEquals(0, run(null, "school", "add", "--data", dataDir.toString(), "--name", "Oak").exit());
        Result result = run("short\n", "user", "add", "--data", dataDir.toString(), "--username", "x",
                "--role", "dsl", "--password-stdin");
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("at least 12 characters"), result.err());
    }

    @Test
    void corruptCertificateIsReportedWithoutAStackTrace() throws Exception {
        Files.writeString(dataDir.resolve("console-cert.pem"), "garbage");
        Files.writeString(dataDir.resolve("console-key.pem"), "garbage");
        Result result = run(null, "fingerprint", "--data", dataDir.toString());
        assertEquals(1, result.exit());
        assertTrue(result.err().contains("console-cert.pem: not a PEM certificate"), result.err());
        assertTrue(!result.err().contains("\tat "), "no stack trace: " + result.err());
    }
}
