package io.vigil.agent.alert;

import java.util.Objects;

/**
 * A record held in the device spool under its per-device sequence number.
 *
 * @param sequence strictly increasing per device, across restarts and across every kind of record;
 *                 the console acknowledges by it
 */
public record SpooledRecord(long sequence, DeviceRecord record) {

    public SpooledRecord {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be positive: " + sequence);
        }
        Objects.requireNonNull(record);
    }
}
