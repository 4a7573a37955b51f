package io.vigil.console.filtering;

import java.time.Instant;

/** A filter event as the console keeps it, with the device's current hostname. */
public record StoredFilterEvent(String uuid, long schoolId, String deviceId, String hostname, String user,
                                String domain, String action, String category, String group, String reason,
                                String app, Instant occurredAt) {
}
