package io.vigil.console.domain;

import java.time.Instant;

/** A stored tamper event with the device's name and school, as the IT role sees it. */
public record StoredTamperEvent(String uuid, String deviceId, String hostname, long schoolId, String kind,
                                String detail, String user, Instant occurredAt, Instant receivedAt) {
}
