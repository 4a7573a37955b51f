package io.vigil.agent.policy;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides a signed-in user's monitoring group from the school's rules. Rules are tried guests, then staff,
 * then pupils: a generic or guest login ("guest", "exam01") is a guest even if it sits in a pupil OS group,
 * and a member of staff who is also in a pupils group (a teacher testing a pupil account set-up) is staff.
 * A user no rule matches gets the school's fallback group, pupils unless configured: on a school device an
 * unknown account is treated as the most protected group, not the least.
 */
public record GroupMapping(List<GroupRule> rules, MonitoringGroup fallback) {

    /** Generic logins most schools use for visitors and exams. */
    public static final Pattern DEFAULT_GUEST_USERS =
            Pattern.compile("(guest|visitor|exam|supply|temp)[._-]?\\d*", Pattern.CASE_INSENSITIVE);

    public static final GroupMapping DEFAULTS = new GroupMapping(List.of(
            new GroupRule(MonitoringGroup.GUESTS, List.of(DEFAULT_GUEST_USERS), Set.of("guests")),
            new GroupRule(MonitoringGroup.STAFF, List.of(), Set.of("staff", "teachers")),
            new GroupRule(MonitoringGroup.PUPILS, List.of(), Set.of("pupils", "students"))), MonitoringGroup.PUPILS);

    public GroupMapping {
        Objects.requireNonNull(fallback);
        rules = rules.stream().sorted(java.util.Comparator.comparing(r -> order(r.group()))).toList();
    }

    public MonitoringGroup groupOf(String user, Set<String> osGroups) {
        for (GroupRule rule : rules) {
            if (rule.matches(user, osGroups)) {
                return rule.group();
            }
        }
        return fallback;
    }

    private static int order(MonitoringGroup g) {
        return switch (g) {
            case GUESTS -> 0;
            case STAFF -> 1;
            case PUPILS -> 2;
        };
    }
}
