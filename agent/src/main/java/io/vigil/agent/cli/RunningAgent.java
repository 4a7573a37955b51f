package io.vigil.agent.cli;

import java.util.concurrent.CompletableFuture;

/** A started agent, as far as the command line needs to see it. */
public interface RunningAgent extends AutoCloseable {

    /**
     * Completes when capture has nothing more to deliver and all of it has been matched (a replay script
     * ended); live capture never finishes on its own.
     */
    CompletableFuture<Void> captureFinished();

    /** Alerts not yet acknowledged by the console. */
    long spoolDepth();

    /** Whether the console revoked this device, so nothing more will be delivered (the spool is kept). */
    default boolean revoked() {
        return false;
    }

    /** Stops capture and transport and closes the spool; safe to call more than once. */
    @Override
    void close();
}
