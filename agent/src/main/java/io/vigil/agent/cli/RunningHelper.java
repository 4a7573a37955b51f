package io.vigil.agent.cli;

import java.util.concurrent.CompletableFuture;

/** A started session helper, as far as the command line needs to see it. */
public interface RunningHelper extends RunningAgent {

    /** Completes when the service closed the connection: the helper then exits (its unit starts it again). */
    CompletableFuture<Void> lost();
}
