package io.vigil.agent.capture;

import java.util.function.Consumer;

/**
 * Something that watches the device and reports {@link CaptureEvent}s: a replay script today, the
 * keyboard hook and the window watcher later. Implementations call the sink from their own thread,
 * one event at a time.
 */
public interface CaptureSource extends AutoCloseable {

    /** The alert source name for text from here: "keyboard", "replay". */
    String textSource();

    /** Starts delivering events to {@code sink}; returns immediately. */
    void start(Consumer<CaptureEvent> sink);

    /**
     * Stops delivering events; once it returns no further event reaches the sink (the agent closes the
     * spool next). Safe to call more than once.
     */
    @Override
    void close();
}
