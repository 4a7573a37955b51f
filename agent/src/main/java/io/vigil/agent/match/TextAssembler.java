package io.vigil.agent.match;

import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.KeyBackspace;
import io.vigil.agent.capture.KeyDelete;
import io.vigil.agent.capture.KeyTyped;
import io.vigil.agent.capture.LineBreak;
import io.vigil.agent.capture.WindowFocused;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Rebuilds what the pupil typed into the focused window, one line at a time. A line ends on Enter or
 * Tab, when another window takes focus, when the caret moves or text is deleted somewhere the hook cannot
 * see ({@link KeyDelete}), or after a pause in typing (a chat message sent with a click).
 *
 * <p>Matching does not wait for the line to end: the line is offered again whenever typing pauses for
 * {@link #SCAN_PAUSE}, so a phrase typed slowly over many seconds is seen while it is still being typed.
 * Not after every key or word: a finding raised mid-burst would carry a snippet cut off at the match,
 * and scanning per key costs CPU on old laptops for nothing.
 *
 * <p>Privacy: only the current line is held, capped at {@link #MAX_LINE_CHARS} (older characters fall
 * off the front); nothing typed into a sign-in or password window is kept at all; and secret-looking
 * words are masked before a line leaves this class. Lines leave only to be scanned.
 *
 * <p>Not thread-safe: the owner serialises calls.
 */
public final class TextAssembler {

    public static final int MAX_LINE_CHARS = 500;
    /** A pause this long makes the unfinished line worth scanning. */
    static final Duration SCAN_PAUSE = Duration.ofSeconds(1);

    /** Receives lines while they grow and once when they end; a lambda receives finished lines only. */
    @FunctionalInterface
    public interface Lines {
        /** The line so far, after a pause in typing; may be offered several times as it grows. */
        default void growing(TypedLine line) {
        }

        /** The line has ended; it will not be offered again. */
        void finished(TypedLine line);
    }

    private final SignInWindowGuard guard;
    private final InstantSource clock;
    private final Duration idleTimeout;
    private final Lines lines;
    private final StringBuilder line = new StringBuilder();
    private String windowTitle = "";
    private String app = "";
    private boolean discarding;
    private boolean unscanned;
    private Instant lastKeyAt = Instant.MIN;

    public TextAssembler(SignInWindowGuard guard, InstantSource clock, Duration idleTimeout, Lines lines) {
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
            case KeyDelete d -> flush();
            case LineBreak l -> flush();
        }
    }

    /** Ends the line if the pupil stopped typing, else scans it after a short pause; called every second. */
    public void flushIfIdle() {
        if (line.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (now.isAfter(lastKeyAt.plus(idleTimeout))) {
            flush();
        } else if (unscanned && !now.isBefore(lastKeyAt.plus(SCAN_PAUSE))) {
            offerGrowing();
        }
    }

    /** Ends the current line now (Enter, focus change, shutdown). */
    public void flush() {
        TypedLine current = current();
        line.setLength(0);
        unscanned = false;
        if (current != null) {
            lines.finished(current);
        }
    }

    /** Whether keystrokes are being dropped because a sign-in window is in front. */
    public boolean suppressing() {
        return discarding;
    }

    /** Characters currently held; for tests of the privacy bound. */
    int bufferedChars() {
        return line.length();
    }

    private TypedLine current() {
        String text = SecretTokens.mask(line.toString()).strip();
        return text.isEmpty() ? null : new TypedLine(text, windowTitle, app);
    }

    private void offerGrowing() {
        unscanned = false;
        TypedLine current = current();
        if (current != null) {
            lines.growing(current);
        }
    }

    private void focus(WindowFocused w) {
        flush();
        windowTitle = w.title();
        app = w.app();
        discarding = guard.isSensitive(w);
    }

    private void type(char c) {
        if (discarding || Character.isISOControl(c)) {
            return;
        }
        line.append(c);
        if (line.length() > MAX_LINE_CHARS) {
            line.delete(0, line.length() - MAX_LINE_CHARS);
        }
        unscanned = true;
        lastKeyAt = clock.instant();
    }

    private void backspace() {
        if (discarding || line.isEmpty()) {
            return;
        }
        int end = line.length();
        boolean pair = end >= 2 && Character.isSurrogatePair(line.charAt(end - 2), line.charAt(end - 1));
        line.setLength(end - (pair ? 2 : 1));
        unscanned = true;
        lastKeyAt = clock.instant();
    }
}
