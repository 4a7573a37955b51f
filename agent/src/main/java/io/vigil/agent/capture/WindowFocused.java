package io.vigil.agent.capture;

import java.util.Objects;

/**
 * Another window came to the foreground, or what is in front changed in a way that matters for privacy
 * (the screen locked, the signed-in user changed, the platform says typing goes into a password field).
 *
 * @param title  its title as the window system reports it
 * @param app    the application (process or command name) owning it, e.g. "chrome"
 * @param user   the OS user signed in at the moment, or "" when the source does not know (then the user
 *               reported before, or the agent's own, still holds)
 * @param secret the platform itself says keys now go into a secret field or prompt (lock screen, macOS
 *               secure input, a password box): nothing typed may be kept, whatever the title says
 */
public record WindowFocused(String title, String app, String user, boolean secret) implements CaptureEvent {

    /** What the lock screen is reported as: a secret prompt, so typing into it is never kept. */
    public static final String LOCK_SCREEN_TITLE = "Screen locked";
    public static final String LOCK_SCREEN_APP = "lockscreen";

    public WindowFocused {
        Objects.requireNonNull(title);
        Objects.requireNonNull(app);
        Objects.requireNonNull(user);
    }

    /** A window as a window list reports it: user unchanged, secret only if its title or app says so. */
    public WindowFocused(String title, String app) {
        this(title, app, "", false);
    }

    /** The screen is locked (or the session is not in front): keys go to the unlock prompt. */
    public static WindowFocused lockScreen(String user) {
        return new WindowFocused(LOCK_SCREEN_TITLE, LOCK_SCREEN_APP, user, true);
    }

    public WindowFocused withUser(String newUser) {
        return new WindowFocused(title, app, newUser, secret);
    }

    public WindowFocused withSecret(boolean isSecret) {
        return new WindowFocused(title, app, user, isSecret);
    }
}
