package io.vigil.agent.platform.windows;

import java.util.Optional;

/** The UI element with keyboard focus, as far as {@link WindowsPasswordField} needs it. */
@FunctionalInterface
public interface FocusedElement {

    /**
     * @return whether the focused element is a password field; empty when nothing has focus (the desktop)
     * @throws IllegalStateException when UI Automation cannot answer
     */
    Optional<Boolean> isPassword();
}
