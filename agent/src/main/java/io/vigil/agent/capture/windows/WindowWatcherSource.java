package io.vigil.agent.capture.windows;

import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.CaptureSource;
import io.vigil.agent.capture.CaptureUnavailableException;
import io.vigil.agent.capture.FocusProbe;
import io.vigil.agent.capture.WindowFocused;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.software.os.OSDesktopWindow;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The window in front and the app that owns it, from OSHI's desktop window list. Reports a window only
 * when it changes, so each new title is matched once. It has no thread of its own: the
 * {@link io.vigil.agent.capture.CaptureQueue} looks through it (every poll interval and before each burst
 * of typing) on its own thread, so window changes and keys stay in the order they happened.
 *
 * <p>On X11 OSHI runs {@code xprop} and {@code xwininfo} (package x11-utils) and needs an EWMH window
 * manager; without them it returns an empty list without an error, so both are checked at start.
 */
public final class WindowWatcherSource implements CaptureSource, FocusProbe {

    private static final Logger log = LoggerFactory.getLogger(WindowWatcherSource.class);

    private final Optional<String> platformProblem;
    private final ForegroundTracker tracker = new ForegroundTracker();
    private volatile boolean running;
    private OperatingSystem os;
    private boolean warnedEmpty;

    /**
     * @param platformProblem why this platform cannot list windows (no display, missing x11-utils), if it cannot
     */
    public WindowWatcherSource(Optional<String> platformProblem) {
        this.platformProblem = platformProblem;
    }

    @Override
    public String capability() {
        return "capture.windows";
    }

    /** Checks the platform and loads OSHI; window changes are reported through {@link #lookNow()}, not the sink. */
    @Override
    public synchronized void start(Consumer<CaptureEvent> sink) throws CaptureUnavailableException {
        if (platformProblem.isPresent()) {
            throw new CaptureUnavailableException(platformProblem.get());
        }
        try {
            os = new SystemInfo().getOperatingSystem();
        } catch (RuntimeException | LinkageError e) {
            throw new CaptureUnavailableException("window list unavailable: " + e.getMessage(), e);
        }
        running = true;
        log.info("watching the foreground window");
    }

    @Override
    public synchronized Optional<WindowFocused> lookNow() {
        if (!running) {
            return Optional.empty();
        }
        try {
            List<ForegroundTracker.Window> windows = os.getDesktopWindows(true).stream()
                    .map(w -> new ForegroundTracker.Window(w.getWindowId(), title(w), w.getOwningProcessId(),
                            w.getOrder()))
                    .toList();
            if (windows.isEmpty() && !warnedEmpty) {
                warnedEmpty = true;
                log.warn("the desktop lists no windows: no window manager running, or x11-utils missing");
            }
            return tracker.changed(windows).map(w -> new WindowFocused(w.title(), appOf(w.pid())));
        } catch (RuntimeException e) {
            log.warn("could not list windows: {}", e.toString());
            return Optional.empty();
        }
    }

    private static String title(OSDesktopWindow w) {
        return w.getTitle() == null ? "" : w.getTitle();
    }

    private String appOf(long pid) {
        if (pid <= 0) {
            return "";
        }
        OSProcess process = os.getProcess((int) pid);
        return process == null ? "" : process.getName();
    }

    @Override
    public void close() {
        running = false;
    }
}
