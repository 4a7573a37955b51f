package io.vigil.console.fleet;

import java.time.Duration;
import java.time.Instant;

/** How a device stands for the IT provider. */
public enum DeviceState {
    ACTIVE("Active"),
    /** Silent for longer than its school's {@link HealthSettings#silentAfter()}. */
    NOT_REPORTING("Not reporting"),
    REVOKED("Revoked");

    private final String label;

    DeviceState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static DeviceState of(DeviceRecord device, Duration silentAfter, Instant now) {
        if (device.revokedAt() != null) {
            return REVOKED;
        }
        return device.lastHeard().plus(silentAfter).isAfter(now) ? ACTIVE : NOT_REPORTING;
    }
}
