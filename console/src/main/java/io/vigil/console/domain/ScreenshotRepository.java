package io.vigil.console.domain;

import java.time.Instant;
import java.util.Optional;

/** Screenshot evidence, one per alert at most. */
public interface ScreenshotRepository {

    /** Stores the screenshot unless its alert already has one (a resent alert); committed on return. */
    void storeOnce(AlertScreenshot screenshot, Instant receivedAt);

    Optional<AlertScreenshot> find(String alertUuid);
}
