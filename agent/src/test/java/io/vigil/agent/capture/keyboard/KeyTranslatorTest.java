package io.vigil.agent.capture.keyboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.agent.capture.KeyBackspace;
import io.vigil.agent.capture.KeyDelete;
import io.vigil.agent.capture.KeyTyped;
import io.vigil.agent.capture.LineBreak;
import io.vigil.agent.capture.keyboard.KeyTranslator.EditKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hook's key events as measured under Xvfb (see stack notes), translated to capture events. */
class KeyTranslatorTest {

    @Test
    void typedCharactersKeepShiftAndLayout() {
        assertEquals(Optional.of(new KeyTyped('!')), KeyTranslator.typed('!'));
        assertEquals(Optional.of(new KeyTyped('ß')), KeyTranslator.typed('ß'));
        assertEquals(Optional.of(new KeyTyped('Ж')), KeyTranslator.typed('Ж'));
    }

    @Test
    void enterAndTabEndTheLine() {
        assertEquals(Optional.of(new LineBreak()), KeyTranslator.typed('\r'));
        assertEquals(Optional.of(new LineBreak()), KeyTranslator.typed('\t'));
    }

    @Test
    void controlCharactersModifierKeysAndUnmappedKeysAreIgnored() {
        assertEquals(Optional.empty(), KeyTranslator.typed('\b')); // the key press carries Backspace
        assertEquals(Optional.empty(), KeyTranslator.typed('\u0003')); // Ctrl+C
        assertEquals(Optional.empty(), KeyTranslator.typed('\u0000')); // Shift, or a key off the layout
        assertEquals(Optional.empty(), KeyTranslator.typed(KeyTranslator.UNDEFINED));
        assertEquals(Optional.empty(), KeyTranslator.pressed(EditKey.MODIFIER, true));
        assertEquals(Optional.empty(), KeyTranslator.pressed(EditKey.OTHER, false));
    }

    @Test
    void editingKeysBecomeBackspaceOrABreakInTheText() {
        assertEquals(Optional.of(new KeyBackspace()), KeyTranslator.pressed(EditKey.BACKSPACE, false));
        assertEquals(Optional.of(new KeyDelete()), KeyTranslator.pressed(EditKey.BACKSPACE, true)); // word delete
        assertEquals(Optional.of(new KeyDelete()), KeyTranslator.pressed(EditKey.DELETE, false));
        assertEquals(Optional.of(new KeyDelete()), KeyTranslator.pressed(EditKey.CARET, false));
        assertEquals(Optional.of(new KeyDelete()), KeyTranslator.pressed(EditKey.OTHER, true)); // Ctrl+A, Ctrl+V
    }
}
