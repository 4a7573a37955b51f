package io.vigil.agent.alert;

import java.util.Objects;

/**
 * An alert held in the device spool under its per-device sequence number.
 *
 * @param sequence strictly increasing per device, across restarts; the console acknowledges by it
 */
public record SpooledAlert(long sequence, AlertRecord alert) {

    public SpooledAlert {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive: " + sequence);
        }
        Objects.requireNonNull(alert);
    }
}
