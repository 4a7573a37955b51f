package io.vigil.agent.cli;

import io.vigil.agent.capture.replay.ReplayScript;
import io.vigil.agent.capture.replay.ReplaySpeed;
import java.util.Objects;

/** A script to type instead of live capture (tests and demos), and how fast to type it. */
public record Replay(ReplayScript script, ReplaySpeed speed) {

    public Replay {
        Objects.requireNonNull(script);
        Objects.requireNonNull(speed);
    }
}
