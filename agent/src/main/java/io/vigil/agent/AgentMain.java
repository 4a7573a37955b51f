package io.vigil.agent;

import io.vigil.agent.cli.AgentCli;
import io.vigil.agent.platform.Platform;

/** Composition root: wires the command line to the real platform, capture, spool and transport. */
public final class AgentMain {

    private AgentMain() {
    }

    /**
     * Netty's buffer allocator registers a Flight Recorder event the first time the TLS channel is built, and
     * that loads JFR's whole metadata repository: a second or more of CPU on an idle laptop, far more on a busy
     * one, spent inside the agent's start while capture is already running. A stop requested in that window
     * (logout, shutdown, SIGTERM) had to wait for it, and on a loaded machine the agent missed its stop deadline
     * before it could say "agent stopped". The agent records no JFR events of its own, so Netty's are off.
     */
    static final String NETTY_JFR = "io.grpc.netty.shaded.io.netty.jfr.enabled";

    public static void main(String[] args) {
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this in-process). */
    public static int run(String... args) {
        Platform platform = Platform.current();
        return AgentCli.commandLine(platform,
                (config, replay, user) -> Agent.start(platform, config, replay, user), FilterService::start,
                (file, config, settings, user) -> AgentService.start(platform, file, config, settings, user),
                (socket, user, replay) -> SessionHelper.start(platform, socket, user, replay))
                .execute(args);
    }
}
