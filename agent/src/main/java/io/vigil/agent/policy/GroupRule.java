package io.vigil.agent.policy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How to recognise one group's users: a username pattern (whole name, case-insensitive), or membership of
 * one of the named OS groups (case-insensitive). Either is enough.
 */
public record GroupRule(MonitoringGroup group, List<Pattern> userPatterns, Set<String> osGroups) {

    public GroupRule {
        Objects.requireNonNull(group);
        userPatterns = List.copyOf(userPatterns);
        osGroups = osGroups.stream().map(g -> g.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    boolean matches(String user, Set<String> userOsGroups) {
        for (Pattern p : userPatterns) {
            if (p.matcher(user).matches()) {
                return true;
            }
        }
        return userOsGroups.stream().map(g -> g.toLowerCase(Locale.ROOT)).anyMatch(osGroups::contains);
    }
}
