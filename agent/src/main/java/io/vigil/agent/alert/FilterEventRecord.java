package io.vigil.agent.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A web filter decision on the device: a blocked request, or an allowed one the policy logs.
 *
 * @param domain   the registrable domain or host asked for, lower case
 * @param category the filter category that decided it, e.g. "adult", "proxy_vpn"
 * @param app      the process that made the request, "" when unknown
 * @param group    the filter group in force for the user ("ks2", "staff"), "" when none
 * @param reason   why, in words for the DSL and IT ("category adult", "illegal list (IWF)")
 */
public record FilterEventRecord(UUID uuid, String domain, Action action, String category, String user,
                                Instant occurredAt, String app, String group, String reason) implements DeviceRecord {

    public enum Action { BLOCKED, ALLOWED_LOGGED }

    public FilterEventRecord {
        Objects.requireNonNull(uuid);
        Objects.requireNonNull(domain);
        Objects.requireNonNull(action);
        Objects.requireNonNull(category);
        Objects.requireNonNull(user);
        Objects.requireNonNull(occurredAt);
        Objects.requireNonNull(app);
        Objects.requireNonNull(group);
        Objects.requireNonNull(reason);
        if (domain.isBlank()) {
            throw new IllegalArgumentException("a filter event needs a domain");
        }
    }

    /** A new event with a fresh uuid. */
    public static FilterEventRecord of(String domain, Action action, String category, String user, Instant at,
                                       String app, String group, String reason) {
        return new FilterEventRecord(UUID.randomUUID(), domain, action, category, user, at, app, group, reason);
    }

    @Override
    public String kind() {
        return "filter event";
    }
}
