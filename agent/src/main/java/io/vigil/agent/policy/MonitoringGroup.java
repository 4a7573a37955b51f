package io.vigil.agent.policy;

import java.util.Locale;

/** Who a signed-in user is, for what is monitored and which notice they are shown. */
public enum MonitoringGroup {
    PUPILS, STAFF, GUESTS;

    /** The name used in config keys, notices and the console: "pupils", "staff", "guests". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MonitoringGroup parse(String text) {
        for (MonitoringGroup g : values()) {
            if (g.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return g;
            }
        }
        throw new IllegalArgumentException("'" + text.strip() + "' is not a monitoring group (pupils, staff, guests)");
    }
}
