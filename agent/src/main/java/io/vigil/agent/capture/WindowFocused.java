package io.vigil.agent.capture;

import java.util.Objects;

/**
 * Another window came to the foreground.
 *
 * @param title its title as the window system reports it
 * @param app   the application (process or command name) owning it, e.g. "chrome"
 */
public record WindowFocused(String title, String app) implements CaptureEvent {

    public WindowFocused {
        Objects.requireNonNull(title);
        Objects.requireNonNull(app);
    }
}
