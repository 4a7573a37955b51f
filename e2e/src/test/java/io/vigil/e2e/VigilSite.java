package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One school's Vigil installation in a temporary directory: the console's data directory, the built jars,
 * and helpers that use them exactly as the README tells an IT provider to.
 */
final class VigilSite implements AutoCloseable {

    static final Path CONSOLE_JAR = jar("vigil.console.jar");
    static final Path AGENT_JAR = jar("vigil.agent.jar");
    static final Duration COMMAND_LIMIT = Duration.ofSeconds(90);

    final Path root;
    final Path data;
    final int httpsPort = FreePort.pick();
    final int grpcPort = FreePort.pick();
    private final List<JavaProcess> running = new ArrayList<>();
    private int logCounter;

    VigilSite(Path root) {
        this.root = root;
        this.data = root.resolve("console-data");
    }

    JavaProcess startConsole() {
        JavaProcess console = JavaProcess.start(CONSOLE_JAR, nextLog("console-serve"),
                "serve", "--data", data.toString(), "--bind", "127.0.0.1",
                "--http-port", String.valueOf(httpsPort), "--grpc-port", String.valueOf(grpcPort));
        running.add(console);
        console.awaitOutput("Vigil console ready", Duration.ofSeconds(90));
        return console;
    }

    JavaProcess.Result console(String stdin, String... args) {
        return JavaProcess.run(CONSOLE_JAR, nextLog("console-" + args[0]), stdin, COMMAND_LIMIT, args);
    }

    JavaProcess.Result agent(String... args) {
        return JavaProcess.run(AGENT_JAR, nextLog("agent-" + args[0]), null, COMMAND_LIMIT, args);
    }

    JavaProcess startAgent(String... args) {
        return startAgent(env -> { }, args);
    }

    /**
     * An agent whose environment the test controls: the X display it sees, or none. Its XDG_RUNTIME_DIR is the
     * site's own unless the test sets one, so a session helper's help-page address file stays out of home.
     */
    JavaProcess startAgent(java.util.function.Consumer<java.util.Map<String, String>> environment, String... args) {
        Path runtime = root.resolve("xdg-runtime");
        try {
            java.nio.file.Files.createDirectories(runtime);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        JavaProcess agent = JavaProcess.start(AGENT_JAR, nextLog("agent-" + args[0]), List.of(), List.of(args),
                env -> {
                    env.put("XDG_RUNTIME_DIR", runtime.toString());
                    environment.accept(env);
                });
        running.add(agent);
        return agent;
    }

    /** Last line of a command's output that looks like its answer (admin commands print it last). */
    String succeed(JavaProcess.Result result) {
        assertEquals(0, result.exitCode(), () -> "command failed:\n" + result.output());
        String[] lines = result.output().strip().split("\\R");
        return lines[lines.length - 1].strip();
    }

    static final String SCHOOL = "Hillside Academy";
    private boolean schoolAdded;

    /** The site's one school, added on first use: tokens and users belong to it. */
    void ensureSchool() {
        if (!schoolAdded) {
            succeed(console(null, "school", "add", "--data", data.toString(), "--name", SCHOOL));
            schoolAdded = true;
        }
    }

    /** The site's school inside a multi-academy trust with {@code others}, before anything else is added. */
    void schoolsInTrust(String trust, String... others) {
        succeed(console(null, "trust", "add", "--data", data.toString(), "--name", trust));
        succeed(console(null, "school", "add", "--data", data.toString(), "--name", SCHOOL, "--trust", trust));
        for (String other : others) {
            succeed(console(null, "school", "add", "--data", data.toString(), "--name", other, "--trust", trust));
        }
        schoolAdded = true;
    }

    String createToken() {
        ensureSchool();
        return succeed(console(null, "token", "create", "--data", data.toString(), "--school", SCHOOL));
    }

    String fingerprint() {
        String pin = succeed(console(null, "fingerprint", "--data", data.toString()));
        assertTrue(pin.matches("[0-9a-f]{64}"), () -> "fingerprint is not 64 hex chars: " + pin);
        return pin;
    }

    void addUser(String username, String role, String password) {
        ensureSchool();
        succeed(console(password + "\n", "user", "add", "--data", data.toString(),
                "--username", username, "--role", role, "--password-stdin", "--totp-secret", auth.newSecret(username)));
    }

    /** A user of one school ({@code --school NAME}) or a whole trust ({@code --trust NAME}) of a site with several. */
    void addUser(String username, String role, String password, String membership, String name) {
        ensureSchool();
        succeed(console(password + "\n", "user", "add", "--data", data.toString(), "--username", username, "--role",
                role, membership, name, "--password-stdin", "--totp-secret", auth.newSecret(username)));
    }

    /** Enrols a new device and returns its agent config file. */
    Path enrolAgent(String deviceName) {
        Path config = root.resolve(deviceName).resolve("agent.properties");
        succeed(agent("enrol", "--console", "127.0.0.1:" + grpcPort, "--token", createToken(),
                "--pin", fingerprint(), "--config", config.toString()));
        assertTrue(Files.exists(config), "enrol wrote no config at " + config);
        return config;
    }

    Path replayScript(String name, String... steps) throws Exception {
        Path script = root.resolve(name);
        Files.writeString(script, String.join("\n", steps) + "\n");
        return script;
    }

    /** The phone of every user this site added: {@code code(username)} is what they would type. */
    final Authenticator auth = new Authenticator();

    ConsoleApi signedInApi(String username, String password) {
        ConsoleApi api = new ConsoleApi(httpsPort, fingerprint());
        var response = api.signIn(username, password, auth.code(username));
        assertEquals(204, response.status(), "sign-in failed: " + response.body());
        return api;
    }

    private Path nextLog(String name) {
        return root.resolve("logs").resolve((++logCounter) + "-" + name + ".log");
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    private static Path jar(String property) {
        String path = System.getProperty(property);
        if (path == null) {
            throw new IllegalStateException("system property " + property + " not set: run through ./mvnw verify");
        }
        Path jar = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with ./mvnw package");
        }
        return jar;
    }
}
