package io.vigil.console.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A device's report that monitoring on it was interfered with. For the IT role: it names what changed
 * (a helper killed, the config or DNS setting edited) and never holds anything a pupil typed or viewed.
 */
public record TamperEvent(String uuid, String deviceId, long sequence, String kind, String detail, String user,
                          Instant occurredAt) {

    public static final Set<String> KINDS = Set.of("helper_stopped", "config_changed", "dns_changed");

    public TamperEvent {
        Objects.requireNonNull(uuid);
        Objects.requireNonNull(deviceId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(user);
        Objects.requireNonNull(occurredAt);
    }
}
