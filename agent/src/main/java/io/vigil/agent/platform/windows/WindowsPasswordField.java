package io.vigil.agent.platform.windows;

import io.vigil.agent.capture.session.SecretInputSignal;

/**
 * Windows UI Automation's IsPassword property of the focused element: true for password boxes in Win32,
 * WPF, UWP and in browsers (Chrome, Edge and Firefox expose {@code <input type=password>} through UIA).
 *
 * <p><b>Untested on Windows</b>: compiled and tested on Linux through {@link SecretInputSignal} with a fake
 * {@link FocusedElement}; the COM side ({@link UiAutomationFocus}) is loaded only when {@code os.name} says
 * Windows. The credential prompts (consent.exe, CredentialUIBroker) and the lock screen are on the secure
 * desktop, which a user-session keyboard hook does not hear at all.
 */
public final class WindowsPasswordField implements SecretInputSignal {

    private final FocusedElement focused;

    public WindowsPasswordField(FocusedElement focused) {
        this.focused = focused;
    }

    @Override
    public boolean active() {
        return focused.isPassword().orElse(false);
    }

    @Override
    public String name() {
        return "Windows UI Automation IsPassword";
    }
}
