package io.vigil.console.domain;

import java.time.Instant;

/** A web filter decision reported by a device, kept for the filtering reports to come. */
public record FilterEventRecord(String uuid, String deviceId, long sequence, String domain, String action,
                                String category, String user, String app, Instant occurredAt) {
}
