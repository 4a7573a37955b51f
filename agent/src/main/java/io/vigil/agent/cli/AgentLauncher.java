package io.vigil.agent.cli;

import io.vigil.agent.config.AgentConfig;
import java.util.Optional;

/** Starts the agent's moving parts from validated input; supplied by the composition root. */
@FunctionalInterface
public interface AgentLauncher {

    /** @param replay a script to type instead of live capture; empty means watch the real desktop */
    RunningAgent launch(AgentConfig config, Optional<Replay> replay, String user);
}
