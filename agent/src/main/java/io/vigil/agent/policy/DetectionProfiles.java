package io.vigil.agent.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which {@link DetectionProfile} a signed-in user gets. A profile may name OS groups (a school's year groups,
 * "year1", "y7"...): a member gets it, the youngest such profile first, since when a user is in two year
 * groups the more protective limit is the safe one. Otherwise their monitoring group's profile applies
 * (pupils, staff, guests), and without one, {@code all}.
 *
 * @param profiles  every profile by name, built-ins with the school's changes
 * @param byGroup   the profile of each monitoring group
 * @param osGroups  profile name -> OS groups whose members get it
 */
public record DetectionProfiles(Map<DetectionProfile.Name, DetectionProfile> profiles,
                                Map<MonitoringGroup, DetectionProfile.Name> byGroup,
                                Map<DetectionProfile.Name, Set<String>> osGroups) {

    public static final DetectionProfiles DEFAULTS = new DetectionProfiles(builtIns(), Map.of(), Map.of());

    public DetectionProfiles {
        Map<DetectionProfile.Name, DetectionProfile> all = new EnumMap<>(builtIns());
        all.putAll(profiles);
        profiles = Map.copyOf(all);
        byGroup = Map.copyOf(byGroup);
        osGroups = Map.copyOf(osGroups);
    }

    public static Map<DetectionProfile.Name, DetectionProfile> builtIns() {
        Map<DetectionProfile.Name, DetectionProfile> m = new EnumMap<>(DetectionProfile.Name.class);
        for (DetectionProfile.Name n : DetectionProfile.Name.values()) {
            m.put(n, DetectionProfile.builtIn(n));
        }
        return m;
    }

    public DetectionProfile profileOf(MonitoringGroup group, Set<String> userOsGroups) {
        Objects.requireNonNull(group);
        for (DetectionProfile.Name n : List.of(DetectionProfile.Name.values())) { // youngest first
            Set<String> members = osGroups.getOrDefault(n, Set.of());
            if (userOsGroups.stream().anyMatch(members::contains)) {
                return profiles.get(n);
            }
        }
        return profiles.get(byGroup.getOrDefault(group, DetectionProfile.Name.ALL));
    }
}
