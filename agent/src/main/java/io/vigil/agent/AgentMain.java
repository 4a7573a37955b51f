package io.vigil.agent;

import io.vigil.agent.cli.AgentCli;
import io.vigil.agent.platform.Platform;

/** Composition root: wires the command line to the real platform, capture, spool and transport. */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this in-process). */
    public static int run(String... args) {
        Platform platform = Platform.current();
        return AgentCli.commandLine(platform,
                (config, replay, user) -> Agent.start(platform, config, replay, user), FilterService::start)
                .execute(args);
    }
}
