package io.vigil.filter;

import io.vigil.filter.format.ListSource;
import io.vigil.filter.format.PolicyParser;
import io.vigil.filter.match.DomainMatcher;
import io.vigil.filter.match.DomainNames;
import io.vigil.filter.match.SafeSearch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validated, compiled filter policy and the one question it answers: {@link #decide}. Immutable and safe to
 * share between threads; swap the whole object to change policy.
 *
 * <p>Order of precedence in {@code decide}, strongest first: the DoH canary; illegal-content lists (nothing
 * switches them off); suspension; allow-list exceptions; temporary grants; the group's time-ruled blocks;
 * SafeSearch rewrites.
 */
public final class FilterPolicy {

    /** Asked by Firefox before it turns on DNS-over-HTTPS by itself; NXDOMAIN means "a filter is in place". */
    public static final String FIREFOX_CANARY = "use-application-dns.net";
    /** iCloud Private Relay is switched off for the network when these answer NXDOMAIN (Apple's documented way). */
    private static final Set<String> OTHER_CANARIES = Set.of("mask.icloud.com", "mask-h2.icloud.com");

    private final Compiled c;

    /** Everything the parser produces; the parser owns building it, this class owns using it. */
    public record Compiled(ZoneId zone, Map<String, Category> categories, Category[] byBit,
                           DomainMatcher categoryDomains, DomainMatcher illegal, List<String> illegalLists,
                           DomainMatcher allow, Map<String, Group> groups, Group deviceGroup,
                           Map<String, String> userGroups, Set<String> nominated, Map<String, List<Grant>> grants,
                           Map<String, Suspension> suspensions, Group suspended, List<PolicyLimit> limits,
                           List<String> notices, int domainCount) {
    }

    public FilterPolicy(Compiled compiled) {
        this.c = compiled;
    }

    /** Parses and validates a policy; every problem is reported at once, each naming file and line. */
    public static FilterPolicy parse(String fileName, String text, ListSource lists) throws PolicyException {
        return new PolicyParser(fileName, text, lists).parse();
    }

    /** Loads a policy file; the category lists it names are read relative to its directory. */
    public static FilterPolicy load(Path file) throws PolicyException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new PolicyException(List.of(file + ": cannot read policy file (" + e.getMessage() + ")"));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(file.getFileName().toString(), text, ListSource.directory(dir));
    }

    /** The policy shipped in the jar, enforced on first start until the console sends one. */
    public static FilterPolicy builtInDefault() {
        try (InputStream in = FilterPolicy.class.getResourceAsStream("default-policy.vfp")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse("default-policy.vfp", text, ListSource.none());
        } catch (IOException | PolicyException e) {
            throw new IllegalStateException("the built-in default filter policy is broken: " + e.getMessage(), e);
        }
    }

    /** Decides what to do with {@code domain} asked by {@code user} (null = nobody signed in) at {@code at}. */
    public Decision decide(String domain, String user, Instant at) {
        String name = DomainNames.normalise(domain);
        String who = user == null || user.isBlank() ? null : user.toLowerCase(Locale.ROOT);
        Group group = groupOf(who, at);
        if (name.equals(FIREFOX_CANARY) || OTHER_CANARIES.contains(name)) {
            // Not flagged as a bypass attempt: browsers ask this on every start, it says nothing about the pupil.
            return new Decision(Action.NXDOMAIN, name, null, group.name(),
                    "answered 'no such name' so the browser keeps its secure DNS off and stays filtered",
                    null, false, false);
        }
        long illegal = c.illegal().match(name);
        if (illegal != 0) {
            String list = c.illegalLists().get(Long.numberOfTrailingZeros(illegal));
            return new Decision(Action.BLOCK, name, Category.ILLEGAL, group.name(),
                    "this site is on the " + list + " list of illegal content; it cannot be unblocked",
                    null, true, false);
        }
        if (group.blockAll()) {
            Suspension s = who == null ? null : c.suspensions().get(who);
            String until = s == null ? "" : " until " + s.expires().atZone(c.zone()).toLocalDateTime();
            return new Decision(Action.BLOCK, name, Category.SUSPENDED, group.name(),
                    "internet access is suspended for this account" + until, null, false, false);
        }
        Decision blocked = categoryBlock(name, who, group, at);
        if (blocked != null) {
            return blocked;
        }
        String target = SafeSearch.rewrite(name, group.safeSearch(), group.youTube());
        if (target != null) {
            return new Decision(Action.REWRITE, name, null, group.name(),
                    "search results are filtered (SafeSearch / restricted mode)", target, false, false);
        }
        return Decision.allow(name, group.name());
    }

    private Decision categoryBlock(String name, String who, Group group, Instant at) {
        long categories = c.categoryDomains().match(name);
        if (categories == 0 || c.allow().matches(name) || group.allow().matches(name)) {
            return null;
        }
        long effective = categories & ~grantedTo(who, at);
        ZonedDateTime schoolTime = at.atZone(c.zone());
        BlockRule rule = group.blockingRule(effective, schoolTime);
        if (rule == null) {
            return null;
        }
        Category category = mostSerious(rule.categories() & effective);
        return new Decision(Action.BLOCK, name, category.id(), group.name(),
                category.words() + " sites are blocked for " + group.name() + rule.when(),
                null, category.highRisk(), category.bypassAttempt());
    }

    private long grantedTo(String who, Instant at) {
        if (who == null) {
            return 0;
        }
        long mask = 0;
        for (Grant g : c.grants().getOrDefault(who, List.of())) {
            if (g.activeAt(at)) {
                mask |= c.categories().get(g.category()).mask();
            }
        }
        return mask;
    }

    /** High-risk first (the DSL must hear of it), then bypass, then the first declared. */
    private Category mostSerious(long mask) {
        Category best = null;
        for (long m = mask; m != 0; m &= m - 1) {
            Category cat = c.byBit()[Long.numberOfTrailingZeros(m)];
            if (best == null || rank(cat) > rank(best)) {
                best = cat;
            }
        }
        return best;
    }

    private static int rank(Category cat) {
        return cat.highRisk() ? 2 : cat.bypassAttempt() ? 1 : 0;
    }

    /** The group that applies to {@code user} now: suspended, mapped, or the device's default. */
    public Group groupOf(String user, Instant at) {
        if (user != null) {
            String who = user.toLowerCase(Locale.ROOT);
            Suspension s = c.suspensions().get(who);
            if (s != null && s.activeAt(at)) {
                return c.suspended();
            }
            String name = c.userGroups().get(who);
            if (name != null) {
                return c.groups().get(name);
            }
        }
        return c.deviceGroup();
    }

    public boolean isNominated(String user) {
        return user != null && c.nominated().contains(user.toLowerCase(Locale.ROOT));
    }

    /** Entries the filter cannot enforce (URLs on illegal lists): the console shows these as stated limits. */
    public List<PolicyLimit> limits() {
        return c.limits();
    }

    /** Non-fatal remarks: skipped lines of imported lists, allow rules shadowed by illegal lists. */
    public List<String> notices() {
        return c.notices();
    }

    public Set<String> groupNames() {
        return c.groups().keySet();
    }

    public Set<String> categoryIds() {
        return c.categories().keySet();
    }

    public ZoneId zone() {
        return c.zone();
    }

    /** How many distinct names and suffixes the category and illegal lists hold. */
    public int domainCount() {
        return c.domainCount();
    }
}
