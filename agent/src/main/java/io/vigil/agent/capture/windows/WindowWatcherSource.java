package io.vigil.agent.capture.windows;

import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.CaptureSource;
import io.vigil.agent.capture.CaptureUnavailableException;
import io.vigil.agent.capture.WindowFocused;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.software.os.OSDesktopWindow;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The window in front and the app that owns it, from OSHI's desktop window list, looked at every poll
 * interval and whenever the keyboard source asks ({@link #lookNow()}). Reports a window only when it
 * changes, so each new title is matched once.
 *
 * <p>On X11 OSHI runs {@code xprop} and {@code xwininfo} (package x11-utils) and needs an EWMH window
 * manager; without them it returns an empty list without an error, so both are checked at start.
 */
public final class WindowWatcherSource implements CaptureSource {

    private static final Logger log = LoggerFactory.getLogger(WindowWatcherSource.class);

    private final Duration interval;
    private final Optional<String> platformProblem;
    private final ForegroundTracker tracker = new ForegroundTracker();
    private volatile Consumer<CaptureEvent> sink;
    private OperatingSystem os;
    private ScheduledExecutorService timer;
    private boolean warnedEmpty;

    /**
     * @param platformProblem why this platform cannot list windows (no display, missing x11-utils), if it cannot
     */
    public WindowWatcherSource(Duration interval, Optional<String> platformProblem) {
        this.interval = interval;
        this.platformProblem = platformProblem;
    }

    @Override
    public String capability() {
        return "capture.windows";
    }

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
        this.sink = sink;
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("vigil-windows").daemon().factory());
        timer.scheduleWithFixedDelay(this::lookNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("watching the foreground window every {} ms", interval.toMillis());
    }

    /** Looks at the desktop now and reports the front window if it changed; any thread may call it. */
    public synchronized void lookNow() {
        Consumer<CaptureEvent> s = sink;
        if (s == null) {
            return;
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
            tracker.changed(windows).ifPresent(w -> s.accept(new WindowFocused(w.title(), appOf(w.pid()))));
        } catch (RuntimeException e) {
            log.warn("could not list windows: {}", e.toString());
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
        ScheduledExecutorService t;
        synchronized (this) {
            sink = null;
            t = timer;
        }
        if (t != null) {
            t.shutdownNow();
        }
    }
}
