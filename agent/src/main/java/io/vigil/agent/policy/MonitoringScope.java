package io.vigil.agent.policy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * When each group is monitored, as the school decided: always (a school-owned device, at home too), only
 * in school hours, or never (e.g. staff, where a school monitors pupils only).
 */
public record MonitoringScope(Map<MonitoringGroup, When> when, SchoolHours hours) {

    public enum When {
        ALWAYS, SCHOOL_HOURS, NEVER;

        public static When parse(String text) {
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "always" -> ALWAYS;
                case "school_hours", "school-hours" -> SCHOOL_HOURS;
                case "never", "off" -> NEVER;
                default -> throw new IllegalArgumentException("'" + text.strip()
                        + "' is not always, school_hours or never");
            };
        }
    }

    /** Everyone, always: what the agent did before scope was configurable. */
    public static final MonitoringScope DEFAULTS = new MonitoringScope(Map.of(), SchoolHours.DEFAULTS);

    public MonitoringScope {
        Objects.requireNonNull(hours);
        Map<MonitoringGroup, When> all = new EnumMap<>(MonitoringGroup.class);
        for (MonitoringGroup g : MonitoringGroup.values()) {
            all.put(g, when.getOrDefault(g, When.ALWAYS));
        }
        when = java.util.Collections.unmodifiableMap(all);
    }

    public When whenFor(MonitoringGroup group) {
        return when.get(group);
    }

    /** Whether capture runs for a user of {@code group} at {@code at}. */
    public boolean covers(MonitoringGroup group, Instant at) {
        return switch (whenFor(group)) {
            case ALWAYS -> true;
            case NEVER -> false;
            case SCHOOL_HOURS -> hours.contains(at);
        };
    }
}
