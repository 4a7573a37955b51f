package io.vigil.agent.platform.windows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Through the seam only: UI Automation runs on Windows, which Vigil's CI does not. */
class WindowsPasswordFieldTest {

    @Test
    void aFocusedPasswordBoxIsSecretAndNothingFocusedIsNot() {
        assertTrue(new WindowsPasswordField(() -> Optional.of(true)).active());
        assertFalse(new WindowsPasswordField(() -> Optional.of(false)).active());
        assertFalse(new WindowsPasswordField(Optional::empty).active());
    }

    @Test
    void whenUiAutomationCannotAnswerTheCallerIsTold() {
        WindowsPasswordField field = new WindowsPasswordField(() -> {
            throw new IllegalStateException("IsPassword failed: HRESULT 0x80004005");
        });
        assertThrows(IllegalStateException.class, field::active); // SessionAwareFocus then fails closed
    }
}
