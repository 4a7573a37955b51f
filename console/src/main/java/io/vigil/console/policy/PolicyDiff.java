package io.vigil.console.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a policy change adds and removes, line by line, so leaders and governors read which rules and domains
 * changed without reading two whole documents. Comments and blank lines are left out: they change nothing a
 * device does. A policy is a set of declarations, so moved lines are not shown as changes.
 */
public final class PolicyDiff {

    /** Enough lines for any hand-written policy; a huge paste is summarised rather than stored whole. */
    static final int MAX_LINES = 200;

    private PolicyDiff() {
    }

    /** {@code "+ line"} for each added and {@code "- line"} for each removed significant line. */
    public static List<String> between(String before, String after) {
        Set<String> old = significant(before);
        Set<String> now = significant(after);
        List<String> out = new ArrayList<>();
        old.stream().filter(l -> !now.contains(l)).forEach(l -> out.add("- " + l));
        now.stream().filter(l -> !old.contains(l)).forEach(l -> out.add("+ " + l));
        if (out.size() > MAX_LINES) {
            int more = out.size() - MAX_LINES;
            List<String> shown = new ArrayList<>(out.subList(0, MAX_LINES));
            shown.add("... and " + more + " more changed line(s)");
            return shown;
        }
        return out;
    }

    /** Lines with their indentation kept (a rule inside a group differs from one at the top). */
    private static Set<String> significant(String document) {
        Set<String> lines = new LinkedHashSet<>();
        if (document == null) {
            return lines;
        }
        for (String raw : document.split("\n")) {
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).stripTrailing();
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
