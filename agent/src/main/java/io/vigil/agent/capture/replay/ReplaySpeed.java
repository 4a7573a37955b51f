package io.vigil.agent.capture.replay;

/** How fast a replay types: like a person (demos) or all at once (tests). */
public enum ReplaySpeed {
    HUMAN,
    INSTANT
}
