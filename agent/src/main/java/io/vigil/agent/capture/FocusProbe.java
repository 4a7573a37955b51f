package io.vigil.agent.capture;

import java.util.Optional;

/**
 * Looks at which window is in front right now. Called only from the {@link CaptureQueue}'s thread, so a
 * look is ordered exactly against the keys around it (see {@link CaptureQueue#watchFocus}).
 */
public interface FocusProbe {

    /** Never reports anything: for a device whose windows cannot be watched. */
    FocusProbe NONE = Optional::empty;

    /** @return the window now in front, if it is not the one reported last time */
    Optional<WindowFocused> lookNow();

    /**
     * Forgets the window reported last, so the next look reports the window in front even if it did not
     * change: after the lock screen or another user's session was reported in between. A probe that
     * reports only changes must implement this; one that remembers nothing has nothing to forget.
     */
    default void forgetLast() {
    }
}
