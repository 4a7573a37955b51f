package io.vigil.console.lists;

import io.vigil.keywords.model.CategoryList;
import io.vigil.keywords.model.ListSet;
import io.vigil.keywords.model.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a change does to the rules devices match with, rule by rule (ids are unique across a set): added,
 * removed, or changed (same id, different kind, weight, severity, window, patterns, exceptions or language).
 * Comments and layout are not changes. Rules are written by the provider and schools, never by pupils, so the
 * diff is safe to show the IT role.
 */
public record ListDiff(List<Entry> entries) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** @param before the rule as live now ("" when added); @param after as proposed ("" when removed) */
    public record Entry(Kind kind, String ruleId, String file, String before, String after) {
    }

    public ListDiff {
        entries = List.copyOf(entries);
    }

    public static ListDiff between(ListSet live, ListSet proposed) {
        Map<String, Located> before = rules(live);
        Map<String, Located> after = rules(proposed);
        List<Entry> entries = new ArrayList<>();
        after.forEach((id, rule) -> {
            Located old = before.get(id);
            if (old == null) {
                entries.add(new Entry(Kind.ADDED, id, rule.file, "", rule.text));
            } else if (!old.text.equals(rule.text)) {
                entries.add(new Entry(Kind.CHANGED, id, rule.file, old.text, rule.text));
            }
        });
        before.forEach((id, rule) -> {
            if (!after.containsKey(id)) {
                entries.add(new Entry(Kind.REMOVED, id, rule.file, rule.text, ""));
            }
        });
        return new ListDiff(entries);
    }

    public long count(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).count();
    }

    public String summary() {
        return count(Kind.ADDED) + " rule(s) added, " + count(Kind.REMOVED) + " removed, " + count(Kind.CHANGED)
                + " changed";
    }

    private record Located(String file, String text) {
    }

    private static Map<String, Located> rules(ListSet set) {
        Map<String, Located> rules = new LinkedHashMap<>();
        for (CategoryList list : set.lists()) {
            for (Rule r : list.rules()) {
                rules.put(r.id(), new Located(list.fileName(), describe(r)));
            }
        }
        return rules;
    }

    /** The rule as the format writes it, with severity resolved; line numbers are not part of a rule. */
    static String describe(Rule r) {
        StringBuilder s = new StringBuilder(r.kind().keyword()).append(' ').append(r.id());
        if (r.weight() != 0) {
            s.append(' ').append(r.banned() ? "banned" : String.valueOf(r.weight()));
        }
        if (r.severity() != 0) {
            s.append(' ').append(r.severity());
        }
        if (r.window() != 0) {
            s.append(' ').append(r.window());
        }
        r.roles().forEach(role -> s.append(' ').append(role));
        if (!r.applies().isEmpty()) {
            s.append(" applies=").append(String.join(",", r.applies()));
        }
        r.patterns().forEach(p -> s.append(" \"").append(p).append('"'));
        if (!r.language().equals("en")) {
            s.append(" @language ").append(r.language());
        }
        return s.toString();
    }

    /** Stored with the change as tab-separated lines, so the change log shows the diff as it was reviewed. */
    public byte[] encode() {
        StringBuilder out = new StringBuilder();
        entries.forEach(e -> out.append(e.kind()).append('\t').append(e.ruleId()).append('\t').append(e.file())
                .append('\t').append(e.before()).append('\t').append(e.after()).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static ListDiff decode(byte[] stored) {
        List<Entry> entries = new ArrayList<>();
        for (String line : new String(stored, StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 5) {
                entries.add(new Entry(Kind.valueOf(f[0]), f[1], f[2], f[3], f[4]));
            }
        }
        return new ListDiff(entries);
    }
}
