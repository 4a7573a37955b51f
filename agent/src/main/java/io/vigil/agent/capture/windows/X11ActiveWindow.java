package io.vigil.agent.capture.windows;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The active window on X11, read straight from the window manager's EWMH properties (_NET_ACTIVE_WINDOW,
 * _NET_WM_NAME, _NET_WM_PID) over one Xlib connection, through JNA (which OSHI already brings).
 *
 * <p>Why not only OSHI: its desktop window list runs xprop and xwininfo as child processes, one more per
 * window, on every look; once a second that alone cost several per cent of a core on an idle laptop. Three
 * property reads cost microseconds. OSHI still names the owning process, once per window change.
 *
 * <p>One thread only (the capture queue's): Xlib connections are not shared between threads here.
 */
final class X11ActiveWindow implements AutoCloseable {

    /** Window id, title and owning process id; pid 0 when the app does not say (old Xt apps). */
    record Active(long id, String title, long pid) {
    }

    private static final X11 X = X11.INSTANCE;
    /** Kept referenced: Xlib calls it from native code. Xlib's default handler would end the process. */
    private static final X11.XErrorHandler IGNORE_ERRORS = (display, event) -> 0;

    private final X11.Display display;
    private final X11.Window root;
    private final X11.Atom activeWindow;
    private final X11.Atom netWmName;
    private final X11.Atom utf8String;
    private final X11.Atom netWmPid;

    private X11ActiveWindow(X11.Display display) {
        this.display = display;
        this.root = X.XDefaultRootWindow(display);
        this.activeWindow = X.XInternAtom(display, "_NET_ACTIVE_WINDOW", false);
        this.netWmName = X.XInternAtom(display, "_NET_WM_NAME", false);
        this.utf8String = X.XInternAtom(display, "UTF8_STRING", false);
        this.netWmPid = X.XInternAtom(display, "_NET_WM_PID", false);
    }

    /** @return empty if there is no X display to connect to, or libX11 cannot be loaded */
    static Optional<X11ActiveWindow> open() {
        try {
            X.XSetErrorHandler(IGNORE_ERRORS); // a window closed between two reads must not kill the agent
            X11.Display display = X.XOpenDisplay(null);
            return display == null ? Optional.empty() : Optional.of(new X11ActiveWindow(display));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** @return the active window, or empty if the window manager names none (no EWMH manager, desktop) */
    Optional<Active> read() {
        long id = cardinal(root, activeWindow, X11.XA_WINDOW);
        if (id == 0) {
            return Optional.empty();
        }
        X11.Window window = new X11.Window(id);
        String title = string(window, netWmName, utf8String, StandardCharsets.UTF_8);
        if (title == null) {
            title = string(window, X11.XA_WM_NAME, X11.XA_STRING, StandardCharsets.ISO_8859_1);
        }
        return Optional.of(new Active(id, title == null ? "" : title, cardinal(window, netWmPid, X11.XA_CARDINAL)));
    }

    private long cardinal(X11.Window window, X11.Atom property, X11.Atom type) {
        Property p = property(window, property, type, 1);
        try {
            // Format-32 properties are arrays of C longs, whatever the platform's long size.
            return p == null || p.items < 1 || p.format != 32 ? 0 : p.data.getNativeLong(0).longValue();
        } finally {
            free(p);
        }
    }

    private String string(X11.Window window, X11.Atom property, X11.Atom type, java.nio.charset.Charset charset) {
        Property p = property(window, property, type, 1024); // 4 KiB of title is plenty
        try {
            if (p == null || p.format != 8) {
                return null;
            }
            return new String(p.data.getByteArray(0, (int) p.items), charset);
        } finally {
            free(p);
        }
    }

    private record Property(Pointer data, int format, long items) {
    }

    private Property property(X11.Window window, X11.Atom property, X11.Atom type, long longs) {
        X11.AtomByReference actualType = new X11.AtomByReference();
        IntByReference format = new IntByReference();
        NativeLongByReference items = new NativeLongByReference();
        NativeLongByReference after = new NativeLongByReference();
        PointerByReference data = new PointerByReference();
        int status = X.XGetWindowProperty(display, window, property, new NativeLong(0), new NativeLong(longs), false,
                type, actualType, format, items, after, data);
        if (status != 0 || data.getValue() == null) {
            return null;
        }
        return new Property(data.getValue(), format.getValue(), items.getValue().longValue());
    }

    private static void free(Property p) {
        if (p != null) {
            X.XFree(p.data());
        }
    }

    @Override
    public void close() {
        X.XCloseDisplay(display);
    }
}
