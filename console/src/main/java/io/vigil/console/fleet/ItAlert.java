package io.vigil.console.fleet;

import java.time.Instant;

/**
 * An alert for the IT provider about the fleet, never a safeguarding alert: it names a device, not a pupil.
 *
 * @param clearedAt null while open
 */
public record ItAlert(long id, long schoolId, String deviceId, String hostname, String kind, String detail,
                      Instant raisedAt, Instant clearedAt) {

    /** The device has not been heard from for longer than its school allows. */
    public static final String NOT_REPORTING = "device.not_reporting";

    public boolean open() {
        return clearedAt == null;
    }
}
