package io.vigil.filter.format;

import io.vigil.filter.Category;
import io.vigil.filter.PolicyLimit;
import io.vigil.filter.match.DomainMatcher;
import java.util.Arrays;
import java.util.List;

/**
 * The policy lines that import lists: {@code list} (category lists in hosts, domain or squidGuard form) and
 * {@code illegal} / {@code illegal-entry} (illegal-content lists, whose URL entries become limits). Bad lines of
 * category lists are skipped and noted; bad lines of illegal lists are problems, never skipped quietly.
 */
final class ListDirectives {

    private static final int MAX_ILLEGAL_LISTS = 64;
    private static final int NOTICES_PER_LIST = 10;

    private final PolicyParser parser;
    private final String file;
    private final ListReader lists;
    private final Problems problems;
    private final DomainMatcher.Builder categoryDomains;
    private final DomainMatcher.Builder illegal;
    private final List<String> illegalLists;
    private final List<PolicyLimit> limits;
    private final List<String> notices;

    ListDirectives(PolicyParser parser, String file, ListReader lists, Problems problems,
                   DomainMatcher.Builder categoryDomains, DomainMatcher.Builder illegal, List<String> illegalLists,
                   List<PolicyLimit> limits, List<String> notices) {
        this.parser = parser;
        this.file = file;
        this.lists = lists;
        this.problems = problems;
        this.categoryDomains = categoryDomains;
        this.illegal = illegal;
        this.illegalLists = illegalLists;
        this.limits = limits;
        this.notices = notices;
    }

    void list(PolicyParser.Line line, String[] a) {
        if (a.length != 3) {
            problems.add(file, line.number(), "list takes: CATEGORY FORMAT SOURCE (formats: hosts, domains, squidguard)");
            return;
        }
        Category cat = parser.category(line, a[0]);
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

    void illegalList(PolicyParser.Line line, String[] a) {
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

    void illegalEntries(PolicyParser.Line line, String[] a) {
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

    private int illegalBit(PolicyParser.Line line, String name) {
        int i = illegalLists.indexOf(name);
        if (i >= 0) {
            return i;
        }
        if (!PolicyParser.ID.matcher(name).matches()) {
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


    private ListFormat format(PolicyParser.Line line, String word) {
        ListFormat f = ListFormat.of(word);
        if (f == null) {
            problems.add(file, line.number(), "unknown list format \"" + word + "\" (hosts, domains, squidguard)");
        }
        return f;
    }


    private void noteBadLines(String source, List<ListImporter.BadLine> bad) {
        bad.stream().limit(NOTICES_PER_LIST)
                .forEach(b -> notices.add(source + ":" + b.line() + ": skipped: " + b.problem()));
        if (bad.size() > NOTICES_PER_LIST) {
            notices.add(source + ": " + (bad.size() - NOTICES_PER_LIST) + " more lines skipped");
        }
    }

}
