package io.vigil.keywords.format;

import java.util.HashMap;
import java.util.Map;

/**
 * The rule ids seen so far while loading one list set. Ids are claimed as each rule is parsed, so a
 * duplicate is reported even when its file (or the first file) has other problems: the validator
 * must list every problem, not only those in otherwise clean files.
 */
final class RuleIds {

    private final Map<String, String> firstAt = new HashMap<>();

    void claim(String file, int line, String id, Problems problems) {
        String first = firstAt.putIfAbsent(id, file + ":" + line);
        if (first != null) {
            problems.add(file, line, "duplicate rule id " + id + " (first defined at " + first + ")");
        }
    }
}
