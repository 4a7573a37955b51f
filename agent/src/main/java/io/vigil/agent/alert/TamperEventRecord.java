package io.vigil.agent.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Someone interfered with monitoring on this device: the session helper was stopped without saying goodbye,
 * the agent's config file changed, or the OS DNS setting that points at the filter changed. An IT-facing
 * record: it names what changed, never anything the pupil typed or viewed.
 *
 * @param tamper what was tampered with
 * @param detail in words for IT, at most {@value #MAX_DETAIL_CHARS} characters (longer is cut)
 * @param user   the session user at the time, "" when nobody was signed in
 */
public record TamperEventRecord(UUID uuid, Kind tamper, String detail, String user, Instant occurredAt)
        implements DeviceRecord {

    public static final int MAX_DETAIL_CHARS = 500;

    public enum Kind {
        HELPER_STOPPED("helper_stopped"), CONFIG_CHANGED("config_changed"), DNS_CHANGED("dns_changed");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** As sent to the console and stored there. */
        public String wireName() {
            return wireName;
        }
    }

    public TamperEventRecord {
        Objects.requireNonNull(uuid);
        Objects.requireNonNull(tamper);
        Objects.requireNonNull(user);
        Objects.requireNonNull(occurredAt);
        detail = detail.length() > MAX_DETAIL_CHARS ? detail.substring(0, MAX_DETAIL_CHARS) : detail;
    }

    /** A new event with a fresh uuid. */
    public static TamperEventRecord of(Kind tamper, String detail, String user, Instant at) {
        return new TamperEventRecord(UUID.randomUUID(), tamper, detail, user, at);
    }

    @Override
    public String kind() {
        return "tamper event";
    }
}
