package io.vigil.console.demo;

import io.vigil.console.domain.ConsoleException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a real Vigil agent as a second process for the demo: enrol once with a token, then replay the
 * scripted pupil session. Its output goes to {@code agent.log} in the demo directory.
 */
public final class DemoAgent implements AutoCloseable {

    static final String SCRIPT_RESOURCE = "/io/vigil/console/demo/demo-session.txt";
    /** The demo usually runs under a developer's own (often root) account; show a pupil-like name instead. */
    static final String DEMO_PUPIL = "demo.pupil";
    private static final Logger LOG = LoggerFactory.getLogger(DemoAgent.class);

    private final Path java;
    private final Path agentJar;
    private final Path demoDir;
    /** The enrol or run process now alive; guarded by {@code this} together with {@link #closed}. */
    private Process running;
    private boolean closed;

    public DemoAgent(Path java, Path agentJar, Path demoDir) {
        this.java = java;
        this.agentJar = agentJar;
        this.demoDir = demoDir;
    }

    public Path config() {
        return demoDir.resolve("agent.properties");
    }

    public Path log() {
        return demoDir.resolve("agent.log");
    }

    public boolean enrolled() {
        return Files.isRegularFile(config());
    }

    public void enrol(int grpcPort, String token, String fingerprint) throws IOException, InterruptedException {
        Files.createDirectories(demoDir);
        Process enrol = start(List.of("enrol", "--console", "127.0.0.1:" + grpcPort, "--token", token,
                "--pin", fingerprint, "--config", config().toString()));
        if (!enrol.waitFor(60, TimeUnit.SECONDS)) {
            enrol.destroyForcibly();
            throw new ConsoleException("the demo agent did not finish enrolling within 60 s; see " + log());
        }
        if (enrol.exitValue() != 0 || !enrolled()) {
            throw new ConsoleException("the demo agent could not enrol (exit " + enrol.exitValue() + "); see " + log());
        }
    }

    /** Starts the replay; returns the running agent process. */
    public Process replay() throws IOException {
        Path script = demoDir.resolve("demo-session.txt");
        try (InputStream in = DemoAgent.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo script missing from the console jar: " + SCRIPT_RESOURCE);
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return start(List.of("run", "--config", config().toString(), "--replay", script.toString(),
                "--replay-speed", "human", "--user", DEMO_PUPIL));
    }

    /**
     * Starts an agent process and remembers it, so that Ctrl+C during enrolment stops the enrolling agent too
     * and no replay can start after shutdown began (it would outlive the console as an orphan).
     */
    private synchronized Process start(List<String> agentArgs) throws IOException {
        if (closed) {
            throw new ConsoleException("the demo is shutting down; not starting the agent");
        }
        List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-jar", agentJar.toString()));
        command.addAll(agentArgs);
        LOG.info("Starting demo agent: {}", String.join(" ", command).replaceAll("--token \\S+", "--token ***"));
        running = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        return running;
    }

    /** Stops the agent: politely first (it flushes its spool), then forcibly. */
    @Override
    public void close() {
        Process process;
        synchronized (this) {
            closed = true;
            process = running;
        }
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static Path currentJava() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }
}
