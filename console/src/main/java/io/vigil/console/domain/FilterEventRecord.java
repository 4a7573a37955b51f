package io.vigil.console.domain;

import java.time.Instant;

/**
 * A web filter decision reported by a device.
 *
 * @param group  the filter group in force for the user ("ks2", "staff", "suspended"); empty from older agents
 * @param reason why, in words ("category gaming", "illegal list (IWF)"); empty from older agents
 */
public record FilterEventRecord(String uuid, String deviceId, long sequence, String domain, String action,
                                String category, String user, String app, Instant occurredAt, String group,
                                String reason) {

    public FilterEventRecord(String uuid, String deviceId, long sequence, String domain, String action,
                             String category, String user, String app, Instant occurredAt) {
        this(uuid, deviceId, sequence, domain, action, category, user, app, occurredAt, "", "");
    }
}
