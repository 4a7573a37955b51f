import com.sun.jna.NativeLong;
import com.sun.jna.platform.unix.X11;

/**
 * What an X11 screen locker does to the keyboard, and nothing else: grabs it on the root window, so every
 * key goes to this process while the window manager's active window stays what it was. Run by ScreenLockIT
 * in Java's source-file mode with the agent's JNA jars; it holds the grab until it is killed.
 */
public class FakeLocker {
    public static void main(String[] args) throws Exception {
        X11 x = X11.INSTANCE;
        X11.Display display = x.XOpenDisplay(null);
        if (display == null) {
            System.out.println("no display");
            System.exit(2);
        }
        int status = x.XGrabKeyboard(display, x.XDefaultRootWindow(display), 0, 1, 1, new NativeLong(0));
        x.XSync(display, false);
        System.out.println("grab " + status);
        System.out.flush();
        if (status != 0) {
            System.exit(1);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
