package io.vigil.console.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** vigil-console.jar run as real processes, as an administrator would; every process is stopped on close. */
public final class ConsoleJar implements AutoCloseable {

    private static final Path JAR = Path.of(System.getProperty("vigil.console.jar", "target/vigil-console.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private final List<Process> started = new ArrayList<>();
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "console-output");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, String> env;

    /** @param env extra environment variables for every process (e.g. VIGIL_DB_USER) */
    public ConsoleJar(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public record Result(int exit, String out, String err) {

        /** stderr without slf4j's log lines (they start with a timestamp): what the administrator is told. */
        public List<String> messages() {
            return err.lines().filter(l -> !l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*")).toList();
        }
    }

    /** A started {@code serve}: its process and the ports from its banner. */
    public record Serve(Process process, int webPort, int grpcPort, String banner) {
    }

    private ProcessBuilder builder(List<String> args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        return builder;
    }

    /** Runs a command to its end (60 s at most). */
    public Result run(String stdin, String... args) throws Exception {
        Process p = builder(List.of(args)).start();
        started.add(p);
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        // Own threads, not the common pool: a test's other async work must not delay reading the output.
        var out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()), readers);
        var err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()), readers);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("vigil-console " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new Result(p.exitValue(), out.get(), err.get());
    }

    /** Starts {@code serve} on OS-chosen loopback ports and waits for its ready line. */
    public Serve serve(Path dataDir, String... extraArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("serve", "--data", dataDir.toString(), "--bind", "127.0.0.1",
                "--http-port", "0", "--grpc-port", "0"));
        args.addAll(List.of(extraArgs));
        Process p = builder(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        String banner = ServeBanner.awaitReady(p);
        return new Serve(p, port(banner, "Console web: https://127\\.0\\.0\\.1:(\\d+)/"),
                port(banner, "Agent gRPC: 127\\.0\\.0\\.1:(\\d+)"), banner);
    }

    private static int port(String banner, String regex) {
        Matcher m = Pattern.compile(regex).matcher(banner);
        if (!m.find()) {
            throw new AssertionError("no port matching " + regex + " in:\n" + banner);
        }
        return Integer.parseInt(m.group(1));
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        readers.shutdownNow();
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
