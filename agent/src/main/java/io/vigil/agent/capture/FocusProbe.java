package io.vigil.agent.capture;

import java.util.Optional;

/**
 * Looks at which window is in front right now. Called only from the {@link CaptureQueue}'s thread, so a
 * look is ordered exactly against the keys around it (see {@link CaptureQueue#watchFocus}).
 */
public interface FocusProbe {

    /** @return the window now in front, if it is not the one reported last time */
    Optional<WindowFocused> lookNow();
}
