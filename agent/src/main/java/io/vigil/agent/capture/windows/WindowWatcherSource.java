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
 * <p>On X11 the active window is read directly ({@link X11ActiveWindow}): OSHI's window list runs
 * {@code xprop} and {@code xwininfo} (package x11-utils) per look, too costly every second. OSHI names the
 * owning process, and lists windows on platforms without the direct reader.
 */
public final class WindowWatcherSource implements CaptureSource, FocusProbe {

    private static final Logger log = LoggerFactory.getLogger(WindowWatcherSource.class);

    private final Optional<String> platformProblem;
    private final ForegroundTracker tracker = new ForegroundTracker();
    private volatile boolean running;
    private OperatingSystem os;
    private Optional<X11ActiveWindow> x11 = Optional.empty();
    private long lastPid = -1;
    private String lastApp = "";
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
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).matches("windows.*|mac.*")) {
            x11 = X11ActiveWindow.open();
            if (x11.isEmpty()) {
                log.warn("cannot read the active window from X11 directly; falling back to OSHI's window list "
                        + "(needs x11-utils and runs xprop on every look)");
            }
        }
        running = true;
        log.info("watching the foreground window{}", x11.isPresent() ? " (X11 EWMH)" : "");
    }

    @Override
    public synchronized Optional<WindowFocused> lookNow() {
        if (!running) {
            return Optional.empty();
        }
        try {
            if (x11.isPresent()) {
                List<ForegroundTracker.Window> active = x11.get().read()
                        .map(a -> List.of(new ForegroundTracker.Window(a.id(), a.title(), a.pid(), 1))).orElse(List.of());
                return tracker.changed(active).map(w -> new WindowFocused(w.title(), appOf(w.pid())));
            }
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

    @Override
    public synchronized void forgetLast() {
        tracker.forget();
    }

    private static String title(OSDesktopWindow w) {
        return w.getTitle() == null ? "" : w.getTitle();
    }

    /** Reads /proc (or the OS's process table) only when the window's process changes. */
    private String appOf(long pid) {
        if (pid == lastPid) {
            return lastApp;
        }
        OSProcess process = pid <= 0 ? null : os.getProcess((int) pid);
        lastPid = pid;
        lastApp = process == null ? "" : process.getName();
        return lastApp;
    }

    @Override
    public synchronized void close() {
        running = false;
        x11.ifPresent(X11ActiveWindow::close);
        x11 = Optional.empty();
    }
}
