package io.vigil.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A built Vigil jar running as a separate JVM, its stdout and stderr going to one log file so a failing
 * test can show exactly what the program said.
 */
final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private JavaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static JavaProcess start(Path jar, Path log, List<String> prefix, List<String> args) {
        return start(jar, log, prefix, args, env -> { });
    }

    /** @param environment edits the child's environment (set DISPLAY, remove it to simulate a headless session) */
    static JavaProcess start(Path jar, Path log, List<String> prefix, List<String> args,
                             java.util.function.Consumer<java.util.Map<String, String>> environment) {
        List<String> command = new ArrayList<>(prefix);
        command.add(javaExecutable());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return startCommand(log, command, environment);
    }

    /** Any command line, e.g. the installed package's native launcher, logged the same way. */
    static JavaProcess startCommand(Path log, List<String> command,
                                    java.util.function.Consumer<java.util.Map<String, String>> environment) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            environment.accept(builder.environment());
            Process process = builder.start();
            return new JavaProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    static JavaProcess start(Path jar, Path log, String... args) {
        return start(jar, log, List.of(), List.of(args));
    }

    /** Runs to completion with the given standard input; fails the test if it takes longer than the limit. */
    static Result run(Path jar, Path log, String stdin, Duration limit, String... args) {
        return run(jar, log, List.of(), stdin, limit, args);
    }

    static Result run(Path jar, Path log, List<String> prefix, String stdin, Duration limit, String... args) {
        try (JavaProcess p = start(jar, log, prefix, List.of(args))) {
            try (var in = p.process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running after " + limit + ": " + List.of(args) + "\n" + p.output());
            }
            return new Result(p.process.exitValue(), p.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Runs any command line to completion; fails the test if it takes longer than the limit. */
    static Result runCommand(Path log, Duration limit, List<String> command) {
        try (JavaProcess p = startCommand(log, command, env -> { })) {
            p.process.getOutputStream().close();
            if (!p.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("still running after " + limit + ": " + command + "\n" + p.output());
            }
            return new Result(p.process.exitValue(), p.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the process has printed a line containing {@code text}; fails if it exits or times out first. */
    void awaitOutput(String text, Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + " before printing '" + text + "':\n"
                        + output());
            }
            sleep(100);
        }
        throw new AssertionError("did not print '" + text + "' within " + limit + ":\n" + output());
    }

    /** How many times the process has printed {@code text} so far. */
    int timesPrinted(String text) {
        String output = output();
        int count = 0;
        for (int at = output.indexOf(text); at >= 0; at = output.indexOf(text, at + text.length())) {
            count++;
        }
        return count;
    }

    /**
     * Whether {@code text} was printed before the {@code n}-th line with {@code marker}, or the marker has not
     * been printed n times: tells "pushed over the open session" from "fetched after reconnecting" by order,
     * whatever the clock says.
     */
    boolean printedBeforeNth(String text, String marker, int n) {
        String output = output();
        int at = -1;
        for (int i = 0; i < n; i++) {
            at = output.indexOf(marker, at + 1);
            if (at < 0) {
                return output.contains(text);
            }
        }
        int printed = output.indexOf(text);
        return printed >= 0 && printed < at;
    }

    int awaitExit(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("did not exit within " + limit + ":\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Simulates a power cut or `kill -9`: no shutdown hooks run. */
    void killHard() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(20));
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    record Result(int exitCode, String output) {
    }
}
