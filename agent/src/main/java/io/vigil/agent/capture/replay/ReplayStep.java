package io.vigil.agent.capture.replay;

import java.util.Objects;

/**
 * One line of a replay script: after {@code delayMs}, focus the window titled {@code windowTitle}
 * and type {@code text} followed by Enter (nothing is typed when {@code text} is empty).
 *
 * @param line line number in the script, for messages
 */
public record ReplayStep(int line, long delayMs, String windowTitle, String text) {

    public ReplayStep {
        Objects.requireNonNull(windowTitle);
        Objects.requireNonNull(text);
    }
}
