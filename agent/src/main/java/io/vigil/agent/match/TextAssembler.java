package io.vigil.agent.match;

import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.KeyBackspace;
import io.vigil.agent.capture.KeyTyped;
import io.vigil.agent.capture.LineBreak;
import io.vigil.agent.capture.WindowFocused;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Consumer;

/**
 * Rebuilds what the pupil typed into the focused window, one line at a time. A line ends on Enter,
 * when another window takes focus, or after a pause in typing (a chat message sent with a click).
 *
 * <p>Privacy: only the current line is held, capped at {@link #MAX_LINE_CHARS} (older characters
 * fall off the front), and nothing typed into a sign-in or password window is kept at all. Lines
 * leave this class only to be scanned; nothing here is stored or sent.
 *
 * <p>Not thread-safe: the owner serialises calls.
 */
public final class TextAssembler {

    public static final int MAX_LINE_CHARS = 500;

    private final SignInWindowGuard guard;
    private final InstantSource clock;
    private final Duration idleTimeout;
    private final Consumer<TypedLine> lines;
    private final StringBuilder line = new StringBuilder();
    private String windowTitle = "";
    private String app = "";
    private boolean discarding;
    private Instant lastKeyAt = Instant.MIN;

    public TextAssembler(SignInWindowGuard guard, InstantSource clock, Duration idleTimeout,
                         Consumer<TypedLine> lines) {
        this.guard = guard;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.lines = lines;
    }

    public void accept(CaptureEvent event) {
        flushIfIdle();
        switch (event) {
            case WindowFocused w -> focus(w);
            case KeyTyped k -> type(k.character());
            case KeyBackspace b -> backspace();
            case LineBreak l -> flush();
        }
    }

    /** Ends the current line if the pupil stopped typing; called periodically by the owner. */
    public void flushIfIdle() {
        if (!line.isEmpty() && clock.instant().isAfter(lastKeyAt.plus(idleTimeout))) {
            flush();
        }
    }

    /** Ends the current line now (Enter, focus change, shutdown). */
    public void flush() {
        String text = line.toString().strip();
        line.setLength(0);
        if (!text.isEmpty()) {
            lines.accept(new TypedLine(text, windowTitle, app));
        }
    }

    /** Characters currently held; for tests of the privacy bound. */
    int bufferedChars() {
        return line.length();
    }

    private void focus(WindowFocused w) {
        flush();
        windowTitle = w.title();
        app = w.app();
        discarding = guard.isSignInWindow(w.title());
    }

    private void type(char c) {
        if (discarding || Character.isISOControl(c)) {
            return;
        }
        line.append(c);
        if (line.length() > MAX_LINE_CHARS) {
            line.delete(0, line.length() - MAX_LINE_CHARS);
        }
        lastKeyAt = clock.instant();
    }

    private void backspace() {
        if (!line.isEmpty()) {
            int end = line.length();
            boolean pair = end >= 2 && Character.isSurrogatePair(line.charAt(end - 2), line.charAt(end - 1));
            line.setLength(end - (pair ? 2 : 1));
            lastKeyAt = clock.instant();
        }
    }
}
