package io.vigil.filter.format;

import io.vigil.filter.BlockRule;
import io.vigil.filter.Category;
import io.vigil.filter.FilterPolicy;
import io.vigil.filter.Grant;
import io.vigil.filter.Group;
import io.vigil.filter.PolicyException;
import io.vigil.filter.PolicyLimit;
import io.vigil.filter.Suspension;
import io.vigil.filter.TimeWindow;
import io.vigil.filter.YouTubeMode;
import io.vigil.filter.match.DomainMatcher;
import io.vigil.filter.match.DomainNames;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a {@code .vfp} policy (see FORMAT.md) in two passes: declarations (timezone, categories, windows)
 * first, so the rest may use them in any order; then rules, groups and users. Every problem is collected
 * and reported together, each as {@code file:line: problem}.
 */
public final class PolicyParser {

    static final String HEADER = "vigil-filter-policy";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final int MAX_CATEGORIES = 63;
    private static final int MAX_ILLEGAL_LISTS = 64;
    private static final int NOTICES_PER_LIST = 10;

    private final String file;
    private final String text;
    private final ListReader lists;
    private final Problems problems = new Problems();
    private final List<String> notices = new ArrayList<>();
    private final List<PolicyLimit> limits = new ArrayList<>();

    private ZoneId zone = ZoneId.of("Europe/London");
    private final Map<String, Category> categories = new LinkedHashMap<>();
    private final Map<String, TimeWindow> windows = new HashMap<>();
    private final DomainMatcher.Builder categoryDomains = DomainMatcher.builder();
    private final DomainMatcher.Builder illegal = DomainMatcher.builder();
    private final List<String> illegalLists = new ArrayList<>();
    private final DomainMatcher.Builder allow = DomainMatcher.builder();
    private final List<String[]> allowPatterns = new ArrayList<>();
    private final Map<String, GroupSection> groups = new LinkedHashMap<>();
    private final Map<String, String> userGroups = new HashMap<>();
    private final Set<String> nominated = new HashSet<>();
    private final Map<String, List<Grant>> grants = new HashMap<>();
    private final Map<String, Suspension> suspensions = new HashMap<>();
    private final List<Line> deferred = new ArrayList<>();
    private String deviceGroup;
    private Line deviceGroupLine;

    /** One significant line: its number, whether it was indented, and its words (comments removed). */
    record Line(int number, boolean indented, String[] words) {
        String directive() {
            return words[0];
        }

        String[] args() {
            return Arrays.copyOfRange(words, 1, words.length);
        }
    }

    public PolicyParser(String file, String text, ListSource lists) {
        this.file = file;
        this.text = text;
        this.lists = new ListReader(file, lists, problems);
    }

    public FilterPolicy parse() throws PolicyException {
        List<Line> lines = lex();
        if (lines.isEmpty() || !lines.get(0).directive().equals(HEADER)) {
            problems.add(file, lines.isEmpty() ? 1 : lines.get(0).number(),
                    "a policy starts with \"" + HEADER + " 1\"");
            throw new PolicyException(problems.list());
        }
        Line header = lines.get(0);
        if (header.words().length != 2 || !header.words()[1].equals("1")) {
            problems.add(file, header.number(), "unsupported policy version; this agent reads version 1");
        }
        List<Line> body = lines.subList(1, lines.size());
        body.forEach(this::declare);
        GroupSection open = null;
        for (Line line : body) {
            if (line.indented()) {
                if (open == null) {
                    problems.add(file, line.number(), "indented line outside a group");
                } else {
                    open.rule(line);
                }
                continue;
            }
            open = null;
            if (line.directive().equals("group")) {
                open = openGroup(line);
            } else {
                rule(line);
            }
        }
        deferred.forEach(this::userLine);
        checkDeviceGroup(lines.get(0));
        reportShadowedAllows();
        if (!problems.isEmpty()) {
            throw new PolicyException(problems.list());
        }
        return new FilterPolicy(compile());
    }

    private List<Line> lex() {
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (String raw : text.split("\r?\n", -1)) {
            n++;
            int hash = raw.indexOf('#');
            String content = (hash >= 0 ? raw.substring(0, hash) : raw).stripTrailing();
            if (content.isBlank()) {
                continue;
            }
            boolean indented = Character.isWhitespace(content.charAt(0));
            lines.add(new Line(n, indented, content.strip().split("\\s+")));
        }
        return lines;
    }

    /** Pass one: what other lines refer to. */
    private void declare(Line line) {
        if (line.indented()) {
            return;
        }
        switch (line.directive()) {
            case "timezone" -> timezone(line);
            case "category" -> category(line);
            case "window" -> window(line);
            default -> { }
        }
    }

    private void timezone(Line line) {
        if (line.words().length != 2) {
            problems.add(file, line.number(), "timezone takes one zone id, e.g. Europe/London");
            return;
        }
        try {
            zone = ZoneId.of(line.words()[1]);
        } catch (DateTimeException e) {
            problems.add(file, line.number(), "unknown time zone \"" + line.words()[1] + "\"");
        }
    }

    private void category(Line line) {
        String[] a = line.args();
        if (a.length == 0 || !ID.matcher(a[0]).matches()) {
            problems.add(file, line.number(), "category needs an id like self_harm ([a-z][a-z0-9_-]*)");
            return;
        }
        String id = a[0];
        if (id.equals(Category.ILLEGAL) || id.equals(Category.SUSPENDED)) {
            problems.add(file, line.number(), "\"" + id + "\" is built in; illegal-content lists use \"illegal\" lines");
            return;
        }
        if (categories.containsKey(id)) {
            problems.add(file, line.number(), "category " + id + " declared twice");
            return;
        }
        boolean highRisk = false;
        boolean bypass = false;
        for (int i = 1; i < a.length; i++) {
            switch (a[i]) {
                case "high-risk" -> highRisk = true;
                case "bypass-attempt" -> bypass = true;
                default -> problems.add(file, line.number(),
                        "unknown category flag \"" + a[i] + "\" (high-risk, bypass-attempt)");
            }
        }
        if (categories.size() == MAX_CATEGORIES) {
            problems.add(file, line.number(), "more than " + MAX_CATEGORIES + " categories");
            return;
        }
        categories.put(id, new Category(id, categories.size(), highRisk, bypass));
    }

    private void window(Line line) {
        TimeWindow w = TimeWindows.parse(line.args(), msg -> problems.add(file, line.number(), msg));
        if (w == null) {
            return;
        }
        if (windows.putIfAbsent(w.name(), w) != null) {
            problems.add(file, line.number(), "window " + w.name() + " declared twice");
        }
    }

    /** Pass two: top-level rules. */
    private void rule(Line line) {
        String[] a = line.args();
        switch (line.directive()) {
            case "timezone", "category", "window" -> { }
            case "list" -> list(line, a);
            case "domain" -> {
                Category cat = a.length < 2 ? null : category(line, a[0]);
                if (a.length < 2) {
                    problems.add(file, line.number(), "domain needs a category and at least one domain");
                } else if (cat != null) {
                    for (int i = 1; i < a.length; i++) {
                        addPattern(categoryDomains, line, a[i], cat.mask());
                    }
                }
            }
            case "illegal" -> illegalList(line, a);
            case "illegal-entry" -> illegalEntries(line, a);
            case "allow" -> {
                if (a.length == 0) {
                    problems.add(file, line.number(), "allow needs at least one domain");
                }
                for (String p : a) {
                    addPattern(allow, line, p, 1);
                    allowPatterns.add(new String[] {p, Integer.toString(line.number())});
                }
            }
            case "device-group", "user", "nominated", "grant", "suspend" -> deferred.add(line);
            default -> problems.add(file, line.number(), "unknown directive \"" + line.directive() + "\"");
        }
    }

    private void list(Line line, String[] a) {
        if (a.length != 3) {
            problems.add(file, line.number(), "list takes: CATEGORY FORMAT SOURCE (formats: hosts, domains, squidguard)");
            return;
        }
        Category cat = category(line, a[0]);
        ListFormat format = format(line, a[1]);
        if (cat == null || format == null) {
            return;
        }
        String source = format == ListFormat.SQUIDGUARD ? a[2] + "/domains" : a[2];
        String content = lists.read(line.number(), source);
        if (content == null) {
            return;
        }
        ListImporter.Result r = format == ListFormat.HOSTS ? ListImporter.hosts(content) : ListImporter.domains(content);
        for (ListImporter.Entry e : r.entries()) {
            categoryDomains.add(e.value(), cat.mask());
        }
        noteBadLines(source, r.bad());
        if (format == ListFormat.SQUIDGUARD) {
            String urls = lists.readOptional(a[2] + "/urls");
            if (urls != null) {
                long n = ListImporter.domainsOrUrls(urls).entries().stream().filter(ListImporter.Entry::url).count();
                if (n > 0) {
                    notices.add(a[2] + "/urls: " + n + " URL entries not enforced (DNS sees host names only)");
                }
            }
        }
    }

    private void illegalList(Line line, String[] a) {
        if (a.length != 3) {
            problems.add(file, line.number(), "illegal takes: LIST-NAME FORMAT SOURCE (formats: domains, squidguard)");
            return;
        }
        ListFormat format = format(line, a[1]);
        int bit = illegalBit(line, a[0]);
        if (format == null || bit < 0) {
            return;
        }
        List<String> sources = format == ListFormat.SQUIDGUARD ? List.of(a[2] + "/domains", a[2] + "/urls") : List.of(a[2]);
        for (String source : sources) {
            boolean required = !source.endsWith("/urls");
            String content = required ? lists.read(line.number(), source) : lists.readOptional(source);
            if (content == null) {
                continue;
            }
            ListImporter.Result r = format == ListFormat.HOSTS ? ListImporter.hosts(content) : ListImporter.domainsOrUrls(content);
            for (ListImporter.BadLine bad : r.bad()) {
                // Illegal lists are licensed, curated data: a line we cannot read is a problem, never skipped quietly.
                problems.add(source, bad.line(), bad.problem());
            }
            addIllegal(source, r.entries(), 1L << bit);
        }
    }

    private void illegalEntries(Line line, String[] a) {
        if (a.length < 2) {
            problems.add(file, line.number(), "illegal-entry takes: LIST-NAME ENTRY...");
            return;
        }
        int bit = illegalBit(line, a[0]);
        if (bit < 0) {
            return;
        }
        ListImporter.Result r = ListImporter.domainsOrUrls(String.join("\n", Arrays.copyOfRange(a, 1, a.length)));
        r.bad().forEach(b -> problems.add(file, line.number(), b.problem()));
        List<ListImporter.Entry> entries = r.entries().stream()
                .map(e -> new ListImporter.Entry(line.number(), e.value(), e.url())).toList();
        addIllegal(file, entries, 1L << bit);
    }

    private void addIllegal(String source, List<ListImporter.Entry> entries, long mask) {
        for (ListImporter.Entry e : entries) {
            if (e.url()) {
                limits.add(new PolicyLimit(source, e.line(), e.value(),
                        "a full URL: DNS filtering sees only the host name, so this entry is not enforced "
                                + "(blocking the whole host would block legitimate pages too)"));
            } else {
                illegal.add(e.value(), mask);
            }
        }
    }

    private int illegalBit(Line line, String name) {
        int i = illegalLists.indexOf(name);
        if (i >= 0) {
            return i;
        }
        if (!ID.matcher(name).matches()) {
            problems.add(file, line.number(), "illegal list name \"" + name + "\" must look like iwf or ctiru");
            return -1;
        }
        if (illegalLists.size() == MAX_ILLEGAL_LISTS) {
            problems.add(file, line.number(), "more than " + MAX_ILLEGAL_LISTS + " illegal lists");
            return -1;
        }
        illegalLists.add(name);
        return illegalLists.size() - 1;
    }

    private GroupSection openGroup(Line line) {
        String[] a = line.args();
        if (a.length != 1 || !ID.matcher(a[0]).matches()) {
            problems.add(file, line.number(), "group takes one name like ks1");
            return new GroupSection(this, "invalid");
        }
        if (a[0].equals(Category.SUSPENDED)) {
            problems.add(file, line.number(), "the suspended group is built in (it blocks everything)");
            return new GroupSection(this, "invalid");
        }
        GroupSection g = new GroupSection(this, a[0]);
        if (groups.putIfAbsent(a[0], g) != null) {
            problems.add(file, line.number(), "group " + a[0] + " declared twice");
        }
        return g;
    }

    /** Users, nominations, grants and suspensions, once every group is known. */
    private void userLine(Line line) {
        String[] a = line.args();
        switch (line.directive()) {
            case "device-group" -> {
                if (a.length != 1) {
                    problems.add(file, line.number(), "device-group takes one group name");
                } else if (knownGroup(line, a[0])) {
                    deviceGroup = a[0];
                    deviceGroupLine = line;
                }
            }
            case "user" -> {
                if (a.length != 2) {
                    problems.add(file, line.number(), "user takes: USER GROUP");
                } else if (knownGroup(line, a[1]) && userGroups.put(lower(a[0]), a[1]) != null) {
                    problems.add(file, line.number(), "user " + a[0] + " mapped twice");
                }
            }
            case "nominated" -> {
                if (a.length == 0) {
                    problems.add(file, line.number(), "nominated takes one or more user names");
                }
                Arrays.stream(a).map(PolicyParser::lower).forEach(nominated::add);
            }
            case "grant" -> grant(line, a);
            case "suspend" -> suspend(line, a);
            default -> throw new IllegalStateException(line.directive());
        }
    }

    private void grant(Line line, String[] a) {
        if (a.length != 4 || !a[2].equals("until")) {
            problems.add(file, line.number(), "grant takes: USER CATEGORY until 2026-12-02T17:00:00Z");
            return;
        }
        if (a[1].equals(Category.ILLEGAL)) {
            problems.add(file, line.number(), "illegal-content lists cannot be unblocked, not even by a grant");
            return;
        }
        Category cat = category(line, a[1]);
        Instant until = instant(line, a[3]);
        if (!nominated.contains(lower(a[0]))) {
            problems.add(file, line.number(), "grant to " + a[0] + ", who is not a nominated user");
            return;
        }
        if (cat != null && until != null) {
            grants.computeIfAbsent(lower(a[0]), k -> new ArrayList<>()).add(new Grant(lower(a[0]), cat.id(), until));
        }
    }

    private void suspend(Line line, String[] a) {
        if (a.length != 3 || !a[1].equals("until")) {
            problems.add(file, line.number(), "suspend takes: USER until 2026-12-02T17:00:00Z");
            return;
        }
        Instant until = instant(line, a[2]);
        if (until != null) {
            suspensions.put(lower(a[0]), new Suspension(lower(a[0]), until));
        }
    }

    private void checkDeviceGroup(Line header) {
        if (deviceGroup == null) {
            problems.add(file, header.number(), "no device-group: say which group applies when nobody is signed in");
        }
    }

    private void reportShadowedAllows() {
        DomainMatcher illegalNow = illegal.build();
        List<String[]> all = new ArrayList<>(allowPatterns);
        groups.values().forEach(g -> all.addAll(g.allowPatterns()));
        for (String[] p : all) {
            String bare = DomainNames.normalise(p[0].replaceFirst("^(\\*\\.|=)", ""));
            if (illegalNow.matches(bare)) {
                notices.add(file + ":" + p[1] + ": allow " + p[0] + " has no effect: illegal-content lists cannot be unblocked");
            }
        }
    }

    private FilterPolicy.Compiled compile() {
        Category[] byBit = categories.values().toArray(Category[]::new);
        Map<String, Group> built = new LinkedHashMap<>();
        groups.forEach((name, g) -> built.put(name, g.build()));
        Group suspended = new Group(Category.SUSPENDED, List.of(), DomainMatcher.empty(), true, YouTubeMode.STRICT, true);
        built.put(Category.SUSPENDED, suspended);
        DomainMatcher cats = categoryDomains.build();
        DomainMatcher ill = illegal.build();
        return new FilterPolicy.Compiled(zone, Map.copyOf(categories), byBit, cats, ill, List.copyOf(illegalLists),
                allow.build(), Map.copyOf(built), built.get(deviceGroup), Map.copyOf(userGroups), Set.copyOf(nominated),
                Map.copyOf(grants), Map.copyOf(suspensions), suspended, List.copyOf(limits), List.copyOf(notices),
                cats.size() + ill.size());
    }

    // ---- helpers shared with GroupSection ----

    Category category(Line line, String id) {
        Category c = categories.get(id);
        if (c == null) {
            problems.add(file, line.number(), id.equals(Category.ILLEGAL)
                    ? "\"illegal\" is not a category a rule can name; illegal-content lists are always blocked"
                    : "unknown category \"" + id + "\" (declare it with a category line)");
        }
        return c;
    }

    TimeWindow window(Line line, String name) {
        TimeWindow w = windows.get(name);
        if (w == null) {
            problems.add(file, line.number(), "unknown window \"" + name + "\" (declare it with a window line)");
        }
        return w;
    }

    void addPattern(DomainMatcher.Builder builder, Line line, String pattern, long mask) {
        String problem = builder.add(pattern, mask);
        if (problem != null) {
            problems.add(file, line.number(), problem);
        }
    }

    void problem(Line line, String message) {
        problems.add(file, line.number(), message);
    }

    private boolean knownGroup(Line line, String name) {
        if (!groups.containsKey(name) && !name.equals(Category.SUSPENDED)) {
            problems.add(file, line.number(), "unknown group \"" + name + "\"");
            return false;
        }
        return true;
    }

    private ListFormat format(Line line, String word) {
        ListFormat f = ListFormat.of(word);
        if (f == null) {
            problems.add(file, line.number(), "unknown list format \"" + word + "\" (hosts, domains, squidguard)");
        }
        return f;
    }

    private Instant instant(Line line, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            problems.add(file, line.number(), "\"" + value + "\" is not a time like 2026-12-02T17:00:00Z");
            return null;
        }
    }

    private void noteBadLines(String source, List<ListImporter.BadLine> bad) {
        bad.stream().limit(NOTICES_PER_LIST)
                .forEach(b -> notices.add(source + ":" + b.line() + ": skipped: " + b.problem()));
        if (bad.size() > NOTICES_PER_LIST) {
            notices.add(source + ": " + (bad.size() - NOTICES_PER_LIST) + " more lines skipped");
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
