package io.vigil.console.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a console user may do. Least privilege: only the safeguarding leads read alert content; the IT
 * administrator manages devices and tokens but never sees what pupils typed.
 */
public enum Role {
    DSL(true, true),
    DEPUTY_DSL(true, true),
    IT_ADMIN(false, true),
    /** Future anonymised reports only. */
    LEADER(false, false);

    private final boolean readsAlerts;
    private final boolean seesDevices;

    Role(boolean readsAlerts, boolean seesDevices) {
        this.readsAlerts = readsAlerts;
        this.seesDevices = seesDevices;
    }

    public boolean readsAlerts() {
        return readsAlerts;
    }

    public boolean seesDevices() {
        return seesDevices;
    }

    /** The name used on the command line and in the database, e.g. {@code deputy_dsl}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromId(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        throw new ConsoleException("unknown role '" + id + "'; expected one of: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
    }
}
