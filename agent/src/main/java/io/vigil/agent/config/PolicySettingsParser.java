package io.vigil.agent.config;

import io.vigil.agent.policy.DetectionProfile;
import io.vigil.agent.policy.DetectionProfiles;
import io.vigil.agent.policy.GroupMapping;
import io.vigil.agent.policy.GroupRule;
import io.vigil.agent.policy.MonitoringGroup;
import io.vigil.agent.policy.MonitoringScope;
import io.vigil.agent.policy.NoticeTexts;
import io.vigil.agent.policy.SchoolHours;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@link PolicySettings} from the config file; every bad value names its key. Keys (G is pupils, staff
 * or guests; DAY is monday..sunday):
 * <pre>
 * group.G.users      = regular expression matched against the whole username (case-insensitive)
 * group.G.os_groups  = comma-separated OS groups whose members are in G
 * group.default      = group for users no rule matches (pupils)
 * monitor.G          = always | school_hours | never               (always)
 * school_hours.DAY   = 08:00-16:30[,17:00-18:00] | closed           (Mon-Fri 08:00-16:30)
 * school_hours.timezone = Europe/London
 * notice.enabled     = true | false                                 (true)
 * notice.version     = the school's label for this wording          (a hash of the text)
 * notice.G.text      = the notice shown to G at log-on              (plain default wording)
 * help.enabled       = true | false                                 (true)
 * help.severity      = 1-5, severity of a pupil's request for help  (4)
 * detect.group.G     = all | ks1 | ks2 | ks3 | ks4 | staff           (all: every finding alerts)
 * detect.P.os_groups = OS groups (year groups) whose members get profile P, youngest profile first
 * detect.P.min_severity = 1-5, least severity that alerts for P     (built-in: see DetectionProfile)
 * detect.P.categories   = category:1-5|off, ... per-category least severity for P (replaces the built-in ones)
 * detect.P.threshold_percent = 25-400, percent of the lists' score thresholds for P (built-in: ks1 75, others 100)
 * </pre>
 */
final class PolicySettingsParser {

    static final Set<String> KEYS = keys();

    private PolicySettingsParser() {
    }

    private static Set<String> keys() {
        Set<String> keys = new HashSet<>(Set.of("group.default", "school_hours.timezone", "notice.enabled",
                "notice.version", "help.enabled", "help.severity"));
        for (MonitoringGroup g : MonitoringGroup.values()) {
            keys.addAll(List.of("group." + g.id() + ".users", "group." + g.id() + ".os_groups", "monitor." + g.id(),
                    "notice." + g.id() + ".text"));
        }
        for (MonitoringGroup g : MonitoringGroup.values()) {
            keys.add("detect.group." + g.id());
        }
        for (DetectionProfile.Name n : DetectionProfile.Name.values()) {
            keys.addAll(List.of("detect." + n.id() + ".os_groups", "detect." + n.id() + ".min_severity",
                    "detect." + n.id() + ".categories", "detect." + n.id() + ".threshold_percent"));
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            keys.add("school_hours." + d.name().toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(keys);
    }

    static PolicySettings parse(Properties p) {
        PolicySettings d = PolicySettings.DEFAULTS;
        return new PolicySettings(groups(p), scope(p), notices(p), bool(p, "notice.enabled", d.showNotice()),
                bool(p, "help.enabled", d.help()), severity(p), detection(p));
    }

    private static DetectionProfiles detection(Properties p) {
        Map<MonitoringGroup, DetectionProfile.Name> byGroup = new EnumMap<>(MonitoringGroup.class);
        for (MonitoringGroup g : MonitoringGroup.values()) {
            String key = "detect.group." + g.id();
            value(p, key).ifPresent(v -> byGroup.put(g, wrap(key, () -> DetectionProfile.Name.parse(v))));
        }
        Map<DetectionProfile.Name, DetectionProfile> profiles = new EnumMap<>(DetectionProfile.Name.class);
        Map<DetectionProfile.Name, Set<String>> osGroups = new EnumMap<>(DetectionProfile.Name.class);
        for (DetectionProfile.Name n : DetectionProfile.Name.values()) {
            DetectionProfile builtIn = DetectionProfile.builtIn(n);
            String minKey = "detect." + n.id() + ".min_severity";
            String catKey = "detect." + n.id() + ".categories";
            int min = value(p, minKey).map(v -> wrap(minKey, () -> oneToFive(v))).orElse(builtIn.minSeverity());
            Map<String, Integer> categories = value(p, catKey).map(v -> wrap(catKey, () -> categoryLimits(v)))
                    .orElse(builtIn.categories());
            String pctKey = "detect." + n.id() + ".threshold_percent";
            int percent = value(p, pctKey).map(v -> wrap(pctKey, () -> percent(v))).orElse(builtIn.thresholdPercent());
            profiles.put(n, new DetectionProfile(n, min, categories, percent));
            Set<String> members = list(p, "detect." + n.id() + ".os_groups");
            if (!members.isEmpty()) {
                osGroups.put(n, members);
            }
        }
        return new DetectionProfiles(profiles, byGroup, osGroups);
    }

    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]*");

    /** "personal_info:3, filter_bypass:off" -> {personal_info=3, filter_bypass=OFF}. */
    private static Map<String, Integer> categoryLimits(String text) {
        Map<String, Integer> limits = new java.util.HashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.strip().split(":");
            if (kv.length != 2 || !CATEGORY.matcher(kv[0].strip()).matches()) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not category:severity (e.g. personal_info:3"
                        + " or filter_bypass:off)");
            }
            String v = kv[1].strip();
            limits.put(kv[0].strip(), v.equalsIgnoreCase("off") ? DetectionProfile.OFF : oneToFive(v));
        }
        return limits;
    }

    private static int percent(String v) {
        int n = Integer.parseInt(v.strip());
        if (n < 25 || n > 400) {
            throw new IllegalArgumentException(n + " is outside 25-400");
        }
        return n;
    }

    private static int oneToFive(String v) {
        int n = Integer.parseInt(v.strip());
        if (n < 1 || n > 5) {
            throw new IllegalArgumentException(n + " is outside 1-5");
        }
        return n;
    }

    /** Without any group.* key the defaults apply; with some, the school's rules replace the defaults whole. */
    private static GroupMapping groups(Properties p) {
        boolean configured = p.stringPropertyNames().stream()
                .anyMatch(k -> k.startsWith("group.") && !k.equals("group.default"));
        MonitoringGroup fallback = value(p, "group.default").map(v -> wrap("group.default", () -> MonitoringGroup.parse(v)))
                .orElse(GroupMapping.DEFAULTS.fallback());
        if (!configured) {
            return new GroupMapping(GroupMapping.DEFAULTS.rules(), fallback);
        }
        List<GroupRule> rules = new ArrayList<>();
        for (MonitoringGroup g : MonitoringGroup.values()) {
            String usersKey = "group." + g.id() + ".users";
            List<Pattern> users = value(p, usersKey).map(v -> List.of(regex(usersKey, v))).orElse(List.of());
            Set<String> osGroups = list(p, "group." + g.id() + ".os_groups");
            if (!users.isEmpty() || !osGroups.isEmpty()) {
                rules.add(new GroupRule(g, users, osGroups));
            }
        }
        return new GroupMapping(rules, fallback);
    }

    private static MonitoringScope scope(Properties p) {
        Map<MonitoringGroup, MonitoringScope.When> when = new EnumMap<>(MonitoringGroup.class);
        for (MonitoringGroup g : MonitoringGroup.values()) {
            String key = "monitor." + g.id();
            value(p, key).ifPresent(v -> when.put(g, wrap(key, () -> MonitoringScope.When.parse(v))));
        }
        return new MonitoringScope(when, hours(p));
    }

    private static SchoolHours hours(Properties p) {
        SchoolHours d = SchoolHours.DEFAULTS;
        ZoneId zone = value(p, "school_hours.timezone").map(v -> wrap("school_hours.timezone", () -> ZoneId.of(v)))
                .orElse(d.zone());
        Map<DayOfWeek, List<SchoolHours.Span>> days = new EnumMap<>(DayOfWeek.class);
        days.putAll(d.days());
        for (DayOfWeek day : DayOfWeek.values()) {
            String key = "school_hours." + day.name().toLowerCase(Locale.ROOT);
            value(p, key).ifPresent(v -> days.put(day, wrap(key, () -> spans(v))));
        }
        return new SchoolHours(zone, days);
    }

    private static List<SchoolHours.Span> spans(String text) {
        if (text.equalsIgnoreCase("closed") || text.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<SchoolHours.Span> spans = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ends = part.strip().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a time span like 08:00-16:30");
            }
            try {
                spans.add(new SchoolHours.Span(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a time span like 08:00-16:30");
            }
        }
        return spans;
    }

    private static NoticeTexts notices(Properties p) {
        Map<MonitoringGroup, String> texts = new EnumMap<>(MonitoringGroup.class);
        for (MonitoringGroup g : MonitoringGroup.values()) {
            String key = "notice." + g.id() + ".text";
            value(p, key).ifPresent(v -> texts.put(g, v));
        }
        return new NoticeTexts(value(p, "notice.version").orElse(""), texts);
    }

    private static int severity(Properties p) {
        return value(p, "help.severity").map(v -> wrap("help.severity", () -> {
            int n = Integer.parseInt(v);
            if (n < 1 || n > 5) {
                throw new IllegalArgumentException(n + " is outside 1-5");
            }
            return n;
        })).orElse(PolicySettings.DEFAULT_HELP_SEVERITY);
    }

    private static java.util.Optional<String> value(Properties p, String key) {
        return java.util.Optional.ofNullable(p.getProperty(key)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Set<String> list(Properties p, String key) {
        return value(p, key).map(v -> Set.copyOf(Arrays.stream(v.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList())).orElse(Set.of());
    }

    private static Pattern regex(String key, String value) {
        try {
            return Pattern.compile(value, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("key '" + key + "': not a valid regular expression: " + e.getDescription());
        }
    }

    private static boolean bool(Properties p, String key, boolean fallback) {
        return value(p, key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("key '" + key + "': '" + v + "' is not true or false");
        }).orElse(fallback);
    }

    /** Runs a parse and names the key in its error. */
    private static <T> T wrap(String key, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("key '" + key + "': not a whole number");
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("key '" + key + "': " + e.getMessage());
        }
    }
}
