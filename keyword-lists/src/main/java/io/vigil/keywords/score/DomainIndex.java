package io.vigil.keywords.score;

import io.vigil.keywords.Verdict;
import io.vigil.keywords.model.CategoryList;
import io.vigil.keywords.model.Rule;
import io.vigil.keywords.model.RuleKind;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code domain} rules of a list set by host. A visited host matches a listed domain when it is that domain
 * or a sub-domain of it ({@code m.example.org} matches {@code example.org}, {@code notexample.org} does not), so a
 * look-up walks the host's parent domains: a handful of hash look-ups, whatever the size of the lists.
 */
final class DomainIndex {

    private record Entry(Rule rule, CategoryList list) {
    }

    private final Map<String, Entry> byHost = new HashMap<>();

    DomainIndex(List<CategoryList> lists) {
        for (CategoryList list : lists) {
            for (Rule r : list.rules()) {
                if (r.kind() == RuleKind.DOMAIN) {
                    // One host listed in two categories: the higher severity speaks for it.
                    byHost.merge(r.patterns().getFirst(), new Entry(r, list),
                            (a, b) -> b.rule().severity() > a.rule().severity() ? b : a);
                }
            }
        }
    }

    boolean isEmpty() {
        return byHost.isEmpty();
    }

    /** The verdict for a visit to {@code host}, which starts at {@code hostStart} in {@code text}; NONE if unlisted. */
    Verdict verdict(String host, String text, int hostStart) {
        for (String h = host; h != null; h = parent(h)) {
            Entry e = byHost.get(h);
            if (e != null) {
                int end = Math.min(text.length(), hostStart + host.length());
                return new Verdict(true, e.list().category(), e.rule().severity(), e.list().header().threshold(),
                        List.of(e.rule().id()), Snippets.around(text, hostStart, end, Verdict.MAX_SNIPPET_CHARS),
                        hostStart, end, e.rule().language());
            }
        }
        return Verdict.NONE;
    }

    private static String parent(String host) {
        int dot = host.indexOf('.');
        // Stop before the bare top-level label: "org" alone is never a listed domain.
        return dot < 0 || host.indexOf('.', dot + 1) < 0 ? null : host.substring(dot + 1);
    }
}
