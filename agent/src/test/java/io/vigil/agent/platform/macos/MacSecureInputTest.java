package io.vigil.agent.platform.macos;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Through the seam only: Carbon itself exists on macOS, which Vigil's CI does not run. */
class MacSecureInputTest {

    @Test
    void carbonsAnswerIsReadAsAnUnsignedCharBoolean() {
        assertTrue(new MacSecureInput(() -> (byte) 1).active());
        assertTrue(new MacSecureInput(() -> (byte) 0xFF).active());
        assertFalse(new MacSecureInput(() -> (byte) 0).active());
    }
}
