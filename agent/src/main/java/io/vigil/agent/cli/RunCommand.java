package io.vigil.agent.cli;

import io.vigil.agent.capture.replay.ReplayScript;
import io.vigil.agent.capture.replay.ReplayScriptException;
import io.vigil.agent.capture.replay.ReplaySpeed;
import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.ConfigException;
import io.vigil.agent.config.ConfigFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the agent: capture, match against the keyword lists, and deliver alerts to the console.")
public final class RunCommand implements java.util.concurrent.Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Config file written by enrol.")
    Path config;

    @Option(names = "--replay", paramLabel = "SCRIPT",
            description = "Replay a script (DELAY_MS<TAB>WINDOW_TITLE<TAB>TEXT per line) instead of live capture "
                    + "(the default: keyboard and foreground window of this desktop session).")
    Path replay;

    @Option(names = "--replay-speed", paramLabel = "human|instant", defaultValue = "human",
            description = "Type like a person (default) or all at once.")
    ReplaySpeed speed;

    @Option(names = "--user", paramLabel = "NAME", description = "User to report (default: config 'user', else the OS user).")
    String user;

    @Option(names = "--enrolment", paramLabel = "FILE",
            description = "Zero-touch enrolment file an MDM dropped (default: enrol.properties beside --config); "
                    + "used only while --config does not exist yet.")
    Path enrolment;

    @Option(names = "--exit-when-idle",
            description = "With --replay: exit 0 once the replay has ended and every alert is acknowledged.")
    boolean exitWhenIdle;

    private final AgentLauncher launcher;
    private final Supplier<String> osUser;
    /** Counted down by the shutdown hook (SIGTERM, Ctrl+C) before it stops the agent. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    private final FirstStartEnrolment firstStart;

    public RunCommand(AgentLauncher launcher, Supplier<String> osUser) {
        this(launcher, osUser, null);
    }

    RunCommand(AgentLauncher launcher, Supplier<String> osUser, FirstStartEnrolment firstStart) {
        this.launcher = launcher;
        this.osUser = osUser;
        this.firstStart = firstStart;
    }

    @Override
    public Integer call() throws InterruptedException {
        AgentConfig agentConfig = loadConfig();
        if (replay == null && exitWhenIdle) {
            throw CliException.usage("--exit-when-idle needs --replay: live capture runs until the agent is stopped");
        }
        Optional<Replay> script = replay == null ? Optional.empty() : Optional.of(new Replay(loadScript(), speed));
        String reportedUser = user != null ? user.strip() : agentConfig.user().orElseGet(osUser);
        if (reportedUser.isBlank()) {
            throw CliException.usage("no user to report: pass --user NAME or set 'user' in " + config);
        }
        // The hook is in place before capture starts: a SIGTERM while the agent is still starting (capture can
        // already have spooled an alert) waits for the start to finish and then stops it cleanly.
        CompletableFuture<RunningAgent> launched = new CompletableFuture<>();
        Thread hook = new Thread(() -> {
            stopping.countDown();
            try {
                launched.get(60, TimeUnit.SECONDS).close();
            } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
                log.warn("agent did not finish starting before it was stopped: {}", e.toString());
            }
        }, "vigil-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RunningAgent agent;
        try {
            agent = launcher.launch(agentConfig, script, reportedUser);
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(hook); // nothing started, nothing to stop
            throw e;
        }
        launched.complete(agent);
        try {
            awaitCapture(agent);
            if (stopping.getCount() == 0) {
                return ExitCodes.OK;
            }
            if (!exitWhenIdle) {
                log.info("capture done; agent keeps running until stopped");
                stopping.await();
                return ExitCodes.OK;
            }
            while (agent.spoolDepth() > 0) {
                if (agent.revoked()) {
                    // Said once by the transport already; nothing will be acknowledged, so waiting is pointless.
                    return ExitCodes.FAILURE;
                }
                if (stopping.await(100, TimeUnit.MILLISECONDS)) {
                    return ExitCodes.OK;
                }
            }
            log.info("replay done and every alert acknowledged; exiting");
            return ExitCodes.OK;
        } finally {
            agent.close();
        }
    }

    private void awaitCapture(RunningAgent agent) throws InterruptedException {
        try {
            agent.captureFinished().get();
        } catch (ExecutionException | CompletionException | java.util.concurrent.CancellationException e) {
            if (stopping.getCount() == 0) {
                return; // the shutdown hook stopped capture
            }
            throw CliException.failure("capture stopped: " + (e.getCause() != null ? e.getCause() : e));
        }
    }

    private AgentConfig loadConfig() {
        if (firstStart != null) {
            firstStart.enrolIfNeeded(config, enrolment != null ? enrolment : FirstStartEnrolment.defaultEnrolmentFile(config));
        } else if (enrolment != null) {
            throw CliException.usage("--enrolment is not available in this build");
        }
        try {
            return new ConfigFile(config).load();
        } catch (ConfigException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    private ReplayScript loadScript() {
        try {
            return ReplayScript.load(replay);
        } catch (ReplayScriptException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
