package io.vigil.console.policy;

import io.vigil.console.domain.ConsoleException;
import io.vigil.filter.match.DomainNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Adds an emergency domain block to a school's policy document: a plain {@code emergency} category holding the
 * domain, blocked by every group. It lives in the base document (not the console's overlay section), so it stays
 * until a reviewed policy change removes it, and the change log shows it as lines added like any other rule.
 */
public final class EmergencyDomain {

    static final String CATEGORY = "emergency";
    private static final Pattern GROUP = Pattern.compile("^group\\s+\\S+.*$");
    private static final Pattern CATEGORY_LINE = Pattern.compile("^category\\s+" + CATEGORY + "(\\s.*)?$");

    private EmergencyDomain() {
    }

    /**
     * The domain as the filter matches it ({@code Example.COM.} → {@code example.com}), or a clear refusal naming
     * the problem: a URL, a wildcard, a name without a dot, a character DNS names cannot hold.
     */
    public static String validate(String input) {
        String raw = input == null ? "" : input.strip();
        if (raw.isEmpty()) {
            throw new ConsoleException("domain: required (for example: harmful.example)");
        }
        if (raw.contains("://") || raw.contains("/")) {
            throw new ConsoleException("domain: '" + raw + "' is a URL; give the host name only (the DNS filter sees "
                    + "names, not pages), for example " + hostOf(raw));
        }
        if (raw.startsWith("*") || raw.startsWith("=")) {
            throw new ConsoleException("domain: '" + raw + "' is a pattern; give the name itself (its sub-domains "
                    + "are blocked too)");
        }
        String name = DomainNames.normalise(raw.toLowerCase(Locale.ROOT));
        String problem = DomainNames.problem(name);
        if (problem != null) {
            throw new ConsoleException("domain: " + problem);
        }
        if (!name.contains(".")) {
            throw new ConsoleException("domain: '" + name + "' has no dot; give a full name such as " + name
                    + ".com");
        }
        return name;
    }

    /**
     * {@code base} with {@code domain} blocked for every group.
     *
     * @throws ConsoleException when the policy has no group to block in, or allows the domain (an allow line wins
     *                          over a group's block, so the emergency block would silently do nothing)
     */
    public static String block(String base, String domain) {
        List<String> lines = new ArrayList<>(List.of(base.split("\n", -1)));
        requireNotAllowed(lines, domain);
        boolean declared = lines.stream().anyMatch(l -> CATEGORY_LINE.matcher(l.strip()).matches()
                && !Character.isWhitespace(l.isEmpty() ? 'x' : l.charAt(0)));
        if (!declared) {
            List<String> withBlocks = new ArrayList<>();
            int groups = 0;
            for (String line : lines) {
                withBlocks.add(line);
                if (GROUP.matcher(line).matches()) {
                    withBlocks.add("  block " + CATEGORY);
                    groups++;
                }
            }
            if (groups == 0) {
                throw new ConsoleException("the school's policy has no group to block in; publish a policy with "
                        + "groups first");
            }
            lines = withBlocks;
        }
        StringBuilder out = new StringBuilder(String.join("\n", lines));
        if (!out.toString().endsWith("\n")) {
            out.append('\n');
        }
        if (!declared) {
            out.append("category ").append(CATEGORY).append("   # emergency blocks: reviewed within 24 hours\n");
        }
        out.append("domain ").append(CATEGORY).append(' ').append(domain).append('\n');
        return out.toString();
    }

    private static void requireNotAllowed(List<String> lines, String domain) {
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (words.length < 2 || !words[0].equals("allow")) {
                continue;
            }
            for (int i = 1; i < words.length && !words[i].startsWith("#"); i++) {
                String pattern = words[i].replaceFirst("^[*=]\\.?", "").toLowerCase(Locale.ROOT);
                if (domain.equals(pattern) || domain.endsWith("." + pattern)) {
                    throw new ConsoleException("domain: the policy has 'allow " + words[i] + "', which would override"
                            + " the block; remove it with a policy change instead");
                }
            }
        }
    }

    private static String hostOf(String url) {
        String rest = url.contains("://") ? url.substring(url.indexOf("://") + 3) : url;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
