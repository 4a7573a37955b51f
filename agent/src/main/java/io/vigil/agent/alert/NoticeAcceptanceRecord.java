package io.vigil.agent.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The first time a user accepted a version of the monitoring notice on this device: the school's
 * record that the user was told they are monitored.
 *
 * @param noticeVersion which notice text was accepted (its version label or content hash)
 * @param group         the monitoring group the notice was written for ("pupils", "staff", "guests")
 */
public record NoticeAcceptanceRecord(UUID uuid, String user, String noticeVersion, String group, Instant acceptedAt)
        implements DeviceRecord {

    public NoticeAcceptanceRecord {
        Objects.requireNonNull(uuid);
        Objects.requireNonNull(user);
        Objects.requireNonNull(noticeVersion);
        Objects.requireNonNull(group);
        Objects.requireNonNull(acceptedAt);
        if (noticeVersion.isBlank()) {
            throw new IllegalArgumentException("a notice acceptance needs the notice version");
        }
    }

    public static NoticeAcceptanceRecord of(String user, String noticeVersion, String group, Instant at) {
        return new NoticeAcceptanceRecord(UUID.randomUUID(), user, noticeVersion, group, at);
    }

    @Override
    public String kind() {
        return "notice acceptance";
    }
}
