package io.vigil.agent.capture.keyboard;

import io.vigil.agent.capture.CaptureEvent;
import io.vigil.agent.capture.KeyBackspace;
import io.vigil.agent.capture.KeyDelete;
import io.vigil.agent.capture.KeyTyped;
import io.vigil.agent.capture.LineBreak;
import java.util.Optional;

/**
 * Turns the hook's raw key events into capture events; pure, so it is tested without a display.
 *
 * <p>Printable text comes from "key typed" events, whose character already respects Shift, AltGr and the
 * active layout (measured: "Grüße" on a German layout arrives intact; rebuilding from key codes would
 * give US-positional letters). Editing keys come from "key pressed" events, which carry the key code.
 */
final class KeyTranslator {

    /** What the hook reports as the character of a key with none (Shift, Ctrl, NumLock). */
    static final char UNDEFINED = '\uFFFF';

    private KeyTranslator() {
    }

    /** A "key typed" event with its final character. */
    static Optional<CaptureEvent> typed(char c) {
        if (c == '\r' || c == '\n' || c == '\t') {
            return Optional.of(new LineBreak());
        }
        // Backspace arrives here as '\b' and again as a key press: the press is used. Ctrl+letter arrives as a
        // control character and NUL marks modifier keys and characters outside the active layout.
        if (c < 0x20 || c == 0x7f || c == UNDEFINED || Character.isSurrogate(c)) {
            return Optional.empty();
        }
        return Optional.of(new KeyTyped(c));
    }

    /**
     * A "key pressed" event.
     *
     * @param kind       what sort of key it was, from the hook's key code
     * @param withCtrl   Ctrl or Meta held without Alt (Alt+Ctrl is AltGr on many layouts, which types text)
     */
    static Optional<CaptureEvent> pressed(EditKey kind, boolean withCtrl) {
        return switch (kind) {
            case BACKSPACE -> Optional.of(withCtrl ? new KeyDelete() : new KeyBackspace());
            case DELETE, CARET -> Optional.of(new KeyDelete());
            // Ctrl+A, Ctrl+V, Ctrl+Z: the text changed in a way the hook cannot see.
            case OTHER -> withCtrl ? Optional.of(new KeyDelete()) : Optional.empty();
            case MODIFIER -> Optional.empty();
        };
    }

    /** Key groups that matter for rebuilding text. */
    enum EditKey { BACKSPACE, DELETE, CARET, MODIFIER, OTHER }
}
