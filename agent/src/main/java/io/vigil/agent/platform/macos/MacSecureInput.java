package io.vigil.agent.platform.macos;

import com.sun.jna.Library;
import com.sun.jna.Native;
import io.vigil.agent.capture.session.SecretInputSignal;

/**
 * macOS secure event input: switched on by the system while a password field (NSSecureTextField, the login
 * window, the lock screen, sudo in Terminal with "Secure Keyboard Entry") has focus. Read with Carbon's
 * {@code IsSecureEventInputEnabled()}, a cheap in-process call.
 *
 * <p><b>Untested on a Mac</b>: Vigil's CI and development machines are Linux; this class is compiled and
 * tested there through {@link SecretInputSignal} with a fake {@link Carbon}, and is loaded only when
 * {@code os.name} says macOS ({@link io.vigil.agent.platform.Platform#secretInputSignal}).
 */
public final class MacSecureInput implements SecretInputSignal {

    /** The one Carbon (HIToolbox) function used. {@code Boolean} there is an unsigned char. */
    public interface Carbon extends Library {
        byte IsSecureEventInputEnabled();
    }

    private final Carbon carbon;

    public MacSecureInput(Carbon carbon) {
        this.carbon = carbon;
    }

    /** Loads Carbon.framework; call only on macOS (elsewhere it throws UnsatisfiedLinkError). */
    public static MacSecureInput load() {
        return new MacSecureInput(Native.load("Carbon", Carbon.class));
    }

    @Override
    public boolean active() {
        return carbon.IsSecureEventInputEnabled() != 0;
    }

    @Override
    public String name() {
        return "macOS secure input";
    }
}
