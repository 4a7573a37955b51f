package io.vigil.console.domain;

import java.time.Instant;
import java.util.Optional;

/** Screenshot evidence, one per alert at most. */
public interface ScreenshotRepository {

    /** Stores the screenshot unless its alert already has one (a resent alert); committed on return. */
    void storeOnce(AlertScreenshot screenshot, Instant receivedAt);

    /** The screenshot of the alert, if the alert belongs to a school in {@code scope}. */
    Optional<AlertScreenshot> find(String alertUuid, Scope scope);

    /** Whether the alert (in {@code scope}) has a screenshot, without reading it out. */
    default boolean exists(String alertUuid, Scope scope) {
        return find(alertUuid, scope).isPresent();
    }
}
