package io.vigil.agent.capture.windows;

import io.vigil.agent.capture.WindowFocused;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides, from one look at the desktop, whether another window (or the same window with a new title: a
 * browser tab, a new search) has come to the front. Pure, so it is tested with captured window lists.
 */
final class ForegroundTracker {

    /**
     * One top-level window as the platform lists it.
     *
     * @param order stacking order; the highest is in front (OSHI has no "focused window" call, and on X11
     *              the top of _NET_CLIENT_LIST_STACKING is the active window)
     */
    record Window(long id, String title, long pid, int order) {
    }

    private long lastId = Long.MIN_VALUE;
    private String lastTitle;

    /** @return the window now in front if it differs from the last one reported */
    Optional<Window> changed(List<Window> windows) {
        Optional<Window> front = windows.stream().max(Comparator.comparingInt(Window::order));
        if (front.isEmpty()) {
            return Optional.empty();
        }
        Window w = front.get();
        if (w.id() == lastId && Objects.equals(w.title(), lastTitle)) {
            return Optional.empty();
        }
        lastId = w.id();
        lastTitle = w.title();
        return front;
    }

    /** The next look reports the window in front even if it is the one reported last. */
    void forget() {
        lastId = Long.MIN_VALUE;
        lastTitle = null;
    }

    static WindowFocused focused(Window w, String app) {
        return new WindowFocused(w.title(), app);
    }
}
