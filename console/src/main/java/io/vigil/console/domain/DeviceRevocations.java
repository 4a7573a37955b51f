package io.vigil.console.domain;

import java.util.Optional;

/** Whether an authenticated device was revoked, and the sentence its agent is told if so. */
public interface DeviceRevocations {

    DeviceRevocations NONE = deviceId -> Optional.empty();

    /** Empty for a device in good standing; otherwise why its session is refused. */
    Optional<String> refusal(String deviceId);
}
