package io.vigil.agent.capture.session;

/**
 * The platform's own word that keys now go into a password field: macOS secure input, Windows UI
 * Automation's IsPassword on the focused element. Title heuristics catch sign-in windows; this catches the
 * password box on an ordinary page ("Chat - Chrome" with a login form in it).
 *
 * <p>On Linux there is none in use: X11 has no such flag, and AT-SPI (which can say a focused widget is a
 * password text) needs the accessibility bus enabled in every session and a D-Bus client; the title and
 * app heuristics and the lock checks stand in for it there.
 */
public interface SecretInputSignal {

    /** Linux, or a platform whose signal could not be loaded. */
    SecretInputSignal NONE = new SecretInputSignal() {
        @Override
        public boolean active() {
            return false;
        }

        @Override
        public String name() {
            return "none";
        }
    };

    /** @return whether typing goes into a secret field now; throwing means "cannot tell" (treated as yes) */
    boolean active();

    String name();
}
