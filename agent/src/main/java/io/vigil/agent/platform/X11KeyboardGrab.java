package io.vigil.agent.platform;

import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;
import io.vigil.agent.capture.session.KnownLockers;
import io.vigil.agent.capture.session.LockSignal;
import java.util.Optional;

/**
 * Whether another X client holds the keyboard: what every X11 screen locker does (i3lock, slock,
 * xsecurelock, xscreensaver, GNOME's shield), usually without ever becoming the active window, while the
 * keyboard hook (XRecord) still hears every key of the unlock password.
 *
 * <p>How, without side effects: ask the server to grab the keyboard for a window that is never mapped.
 * The X server checks for someone else's grab first (AlreadyGrabbed, or GrabFrozen) and only then whether
 * the window is viewable, so with nobody holding the keyboard the answer is GrabNotViewable and nothing is
 * grabbed: no focus events reach the pupil's apps. One round trip, a fraction of a millisecond.
 *
 * <p>An open menu also holds the keyboard for a moment; capture pauses then too (fail closed; menu keys
 * are not text anyway). One thread only (the capture queue's), like {@code X11ActiveWindow}.
 */
public final class X11KeyboardGrab implements LockSignal, AutoCloseable {

    private static final int GRAB_SUCCESS = 0;
    private static final int ALREADY_GRABBED = 1;
    private static final int GRAB_NOT_VIEWABLE = 3;
    private static final int GRAB_FROZEN = 4;
    private static final int GRAB_MODE_ASYNC = 1;
    private static final NativeLong CURRENT_TIME = new NativeLong(0);
    /** Kept referenced: Xlib calls it from native code; its default handler would end the process. */
    private static final X11.XErrorHandler IGNORE_ERRORS = (display, event) -> 0;

    private final X11 x;
    private final X11.Display display;
    private final X11.Window probe;
    private final KnownLockers lockers;

    private X11KeyboardGrab(X11 x, X11.Display display, KnownLockers lockers) {
        this.x = x;
        this.display = display;
        this.lockers = lockers;
        // 1x1, never mapped: it exists only to be named in the grab request.
        this.probe = x.XCreateSimpleWindow(display, x.XDefaultRootWindow(display), 0, 0, 1, 1, 0, 0, 0);
    }

    /** @return empty if there is no X display or libX11 cannot be loaded */
    static Optional<X11KeyboardGrab> open(KnownLockers lockers) {
        try {
            X11 x = X11.INSTANCE;
            x.XSetErrorHandler(IGNORE_ERRORS);
            X11.Display display = x.XOpenDisplay(null);
            return display == null ? Optional.empty() : Optional.of(new X11KeyboardGrab(x, display, lockers));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "X11 keyboard grab";
    }

    @Override
    public Optional<String> lockedBecause() {
        int status = x.XGrabKeyboard(display, probe, 0, GRAB_MODE_ASYNC, GRAB_MODE_ASYNC, CURRENT_TIME);
        switch (status) {
            case GRAB_NOT_VIEWABLE:
                return Optional.empty();
            case GRAB_SUCCESS:
                // Not expected for an unmapped window; give the keyboard straight back, nobody else held it.
                x.XUngrabKeyboard(display, CURRENT_TIME);
                x.XSync(display, false);
                return Optional.empty();
            case ALREADY_GRABBED:
            case GRAB_FROZEN:
                return Optional.of(lockers.running()
                        .map(name -> "screen locker " + name + " holds the keyboard")
                        .orElse("another program holds the keyboard (a screen locker, or an open menu)"));
            default:
                throw new IllegalStateException("unexpected answer " + status + " to a keyboard grab");
        }
    }

    @Override
    public void close() {
        x.XDestroyWindow(display, probe);
        x.XCloseDisplay(display);
    }
}
