package io.vigil.console.fleet;

import io.vigil.console.domain.Device;
import io.vigil.console.domain.HeartbeatFigures;
import java.time.Instant;

/**
 * A device as the device page shows it: what it says about itself ({@link Device}), its last heartbeat's
 * figures, the token that enrolled it, and whether it was revoked.
 *
 * @param tokenId        null for a device enrolled before tokens were recorded
 * @param tokenCreatedBy who made that token ('' if not recorded)
 * @param revokedAt      null unless revoked
 */
public record DeviceRecord(Device device, HeartbeatFigures figures, Long tokenId, String tokenCreatedBy,
                           Instant tokenCreatedAt, Instant revokedAt, String revokedBy) {

    public String id() {
        return device.id();
    }

    /** When the device was last heard from, or when it enrolled if it never was. */
    public Instant lastHeard() {
        return device.lastSeenAt() != null ? device.lastSeenAt() : device.enrolledAt();
    }
}
