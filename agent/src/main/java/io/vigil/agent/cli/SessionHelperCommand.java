package io.vigil.agent.cli;

import io.vigil.agent.capture.replay.ReplayScript;
import io.vigil.agent.capture.replay.ReplayScriptException;
import io.vigil.agent.capture.replay.ReplaySpeed;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "session-helper", mixinStandardHelpOptions = true,
        description = "Run the per-user session helper (started at log-on as the user): keyboard and window "
                + "capture and matching; only matched alerts go to the system service over its socket.")
public final class SessionHelperCommand implements Callable<Integer> {

    /** A start takes seconds (the keyword lists load); a stop request waits that long for it, no longer. */
    private static final long START_WAIT_SECONDS = 60;

    /** Starts the helper from validated input; supplied by the composition root. */
    @FunctionalInterface
    public interface Launcher {
        RunningHelper launch(Path socket, String user, Optional<Replay> replay);
    }

    @Option(names = "--socket", required = true, paramLabel = "PATH",
            description = "The service's helper socket (e.g. /run/vigil/helper.sock).")
    Path socket;

    @Option(names = "--replay", paramLabel = "SCRIPT", description = "Type a script instead of live capture (tests).")
    Path replay;

    @Option(names = "--replay-speed", paramLabel = "human|instant", defaultValue = "instant")
    ReplaySpeed speed;

    private final Launcher launcher;
    private final Supplier<String> osUser;

    public SessionHelperCommand(Launcher launcher, Supplier<String> osUser) {
        this.launcher = launcher;
        this.osUser = osUser;
    }

    @Override
    public Integer call() throws Exception {
        Optional<Replay> script = Optional.empty();
        if (replay != null) {
            try {
                script = Optional.of(new Replay(ReplayScript.load(replay), speed));
            } catch (ReplayScriptException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        // Registered before the helper starts: a log-out (SIGTERM) while it is still starting must wait for it
        // and say goodbye too, or the service would report a log-out as a killed helper.
        CompletableFuture<RunningHelper> launched = new CompletableFuture<>();
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                launched.get(START_WAIT_SECONDS, TimeUnit.SECONDS).close(); // says goodbye: a log-out is not tampering
            } catch (ExecutionException | TimeoutException e) {
                // it never started (refused, unreachable) or hangs: nothing connected to say goodbye on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopped.complete(null);
        }, "vigil-shutdown"));
        // The user is the OS account the helper runs as: the service checks it against the kernel's word.
        RunningHelper helper;
        try {
            helper = launcher.launch(socket, osUser.get(), script);
        } catch (RuntimeException | Error e) {
            launched.completeExceptionally(e);
            throw e;
        }
        launched.complete(helper);
        CompletableFuture.anyOf(stopped, helper.lost()).join();
        if (helper.lost().isDone() && !stopped.isDone()) {
            helper.close();
            throw CliException.failure("the Vigil service closed the connection or changed what this session "
                    + "captures; exiting so the session starts a new helper");
        }
        return ExitCodes.OK;
    }
}
