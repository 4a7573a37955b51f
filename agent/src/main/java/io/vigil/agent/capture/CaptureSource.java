package io.vigil.agent.capture;

import java.util.function.Consumer;

/**
 * Something that watches the device and reports {@link CaptureEvent}s: the keyboard hook, the window
 * watcher, or a replay script in tests and demos. The agent runs several at once; each calls the sink
 * from its own thread and the {@link CaptureQueue} puts their events into one order.
 */
public interface CaptureSource extends AutoCloseable {

    /** The capability this source provides, as reported to the console: "capture.keyboard". */
    String capability();

    /**
     * Starts delivering events to {@code sink}; returns once the source runs.
     *
     * @throws CaptureUnavailableException if this device cannot offer the source (no display, no
     *                                     permission); the agent carries on without it
     */
    void start(Consumer<CaptureEvent> sink) throws CaptureUnavailableException;

    /**
     * Stops delivering events; once it returns no further event reaches the sink. Safe to call more
     * than once, and on a source that never started.
     */
    @Override
    void close();
}
