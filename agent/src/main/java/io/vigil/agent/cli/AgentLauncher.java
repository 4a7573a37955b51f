package io.vigil.agent.cli;

import io.vigil.agent.capture.replay.ReplayScript;
import io.vigil.agent.capture.replay.ReplaySpeed;
import io.vigil.agent.config.AgentConfig;

/** Starts the agent's moving parts from validated input; supplied by the composition root. */
@FunctionalInterface
public interface AgentLauncher {

    RunningAgent launch(AgentConfig config, ReplayScript script, ReplaySpeed speed, String user);
}
