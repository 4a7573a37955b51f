package io.vigil.keywords.format;

import io.vigil.keywords.match.PatternCompiler;
import io.vigil.keywords.match.PatternException;
import io.vigil.keywords.model.CategoryList;
import io.vigil.keywords.model.ListHeader;
import io.vigil.keywords.model.Rule;
import io.vigil.keywords.model.RuleKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses and checks one {@code .vkl} file; see FORMAT.md. Reports every problem it finds. */
public final class VklParser {

    public static final String EXTENSION = ".vkl";
    static final List<String> HEADERS = List.of("@category", "@name", "@severity", "@threshold", "@language", "@version");
    static final int MAX_THRESHOLD = 1000;
    static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-z]{2,3}|mixed");

    private record HeaderValue(String value, int line) {
    }

    private final RuleLineParser rules;
    private final PatternCompiler patterns;

    public VklParser(PatternCompiler patterns) {
        this.rules = new RuleLineParser(patterns);
        this.patterns = patterns;
    }

    /**
     * @param ids the rule ids of the list set so far; every rule parsed here claims its id
     * @return the list, or null if the file had problems (all of them added to {@code problems})
     */
    CategoryList parse(SourceFile file, Set<String> knownCategories, RuleIds ids, Problems problems) {
        int before = problems.list().size();
        String name = file.name();
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        List<String[]> ruleLines = new ArrayList<>();
        String[] lines = file.text().split("\n", -1);
        boolean seenRule = false;
        String sectionLanguage = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("@language") && seenRule) {
                // A later @language starts a section: the rules after it are in that language.
                sectionLanguage = language(name, i + 1, LineLexer.stripComment(trimmed), problems);
            } else if (trimmed.startsWith("@")) {
                header(name, i + 1, trimmed, seenRule, headers, problems);
            } else {
                seenRule = true;
                ruleLines.add(new String[] {String.valueOf(i + 1), line, sectionLanguage});
            }
        }
        for (String h : HEADERS) {
            if (!headers.containsKey(h)) {
                problems.add(name, "missing header " + h);
            }
        }
        String category = checkCategory(name, headers.get("@category"), knownCategories, problems);
        int severity = headerNumber(name, headers.get("@severity"), 5, problems);
        int threshold = headerNumber(name, headers.get("@threshold"), MAX_THRESHOLD, problems);
        List<Rule> parsed = new ArrayList<>();
        for (String[] rl : ruleLines) {
            int lineNo = Integer.parseInt(rl[0]);
            LineLexer.Result lexed = LineLexer.lex(rl[1]);
            if (lexed.error() != null) {
                problems.add(name, lineNo, lexed.error());
            } else if (!lexed.fields().isEmpty()) {
                String language = rl[2] != null ? rl[2]
                        : headers.containsKey("@language") ? headers.get("@language").value() : "";
                Rule r = rules.parse(name, lineNo, lexed.fields(), category, severity, language, problems);
                if (r != null) {
                    parsed.add(r);
                    ids.claim(name, lineNo, r.id(), problems);
                }
            }
        }
        checkApplies(name, parsed, category, problems);
        checkFoldedDuplicates(name, parsed, problems);
        if (problems.list().size() != before) {
            return null;
        }
        ListHeader header = new ListHeader(category, headers.get("@name").value(), severity, threshold,
                headers.get("@language").value(), headers.get("@version").value());
        return new CategoryList(name, header, parsed);
    }

    /** {@code @language xx} later in a file: an ISO 639 code (2-3 letters) or {@code mixed}. */
    private static String language(String file, int line, String text, Problems problems) {
        String value = text.substring("@language".length()).strip();
        if (!LANGUAGE.matcher(value).matches()) {
            problems.add(file, line, "@language \"" + value + "\" is not an ISO 639 code (2-3 lower-case letters) or mixed");
        }
        return value;
    }

    private static void header(String file, int line, String text, boolean seenRule,
                               Map<String, HeaderValue> headers, Problems problems) {
        String stripped = LineLexer.stripComment(text);
        int space = indexOfWhitespace(stripped);
        String key = space < 0 ? stripped : stripped.substring(0, space);
        String value = space < 0 ? "" : stripped.substring(space).strip();
        if (!HEADERS.contains(key)) {
            problems.add(file, line, "unknown header " + key + " (expected one of " + String.join(", ", HEADERS) + ")");
        } else if (seenRule) {
            problems.add(file, line, "header " + key + " after the first rule (headers come before all rules)");
        } else if (headers.containsKey(key)) {
            problems.add(file, line, "duplicate header " + key + " (first at line " + headers.get(key).line() + ")");
        } else if (value.isEmpty()) {
            problems.add(file, line, "header " + key + " has no value");
            headers.put(key, new HeaderValue("", line));
        } else {
            headers.put(key, new HeaderValue(value, line));
        }
    }

    private static String checkCategory(String file, HeaderValue h, Set<String> known, Problems problems) {
        if (h == null || h.value().isEmpty()) {
            return "";
        }
        String id = h.value();
        String expected = file.endsWith(EXTENSION) ? file.substring(0, file.length() - EXTENSION.length()) : file;
        if (!id.equals(expected)) {
            problems.add(file, h.line(), "@category " + id + " does not match the file name (expected @category "
                    + expected + " in " + file + ")");
        }
        if (!known.contains(id)) {
            problems.add(file, h.line(), "unknown category " + id + " (not listed in categories.txt)");
        }
        return id;
    }

    private static int headerNumber(String file, HeaderValue h, int max, Problems problems) {
        if (h == null || h.value().isEmpty()) {
            return 0;
        }
        Integer v = RuleLineParser.integer(h.value());
        if (v == null || v < 1 || v > max) {
            problems.add(file, h.line(), (max == 5 ? "@severity " : "@threshold ") + h.value()
                    + " out of range 1-" + max);
            return 0;
        }
        return v;
    }

    private static void checkApplies(String file, List<Rule> parsed, String category, Problems problems) {
        Set<String> targets = new HashSet<>();
        for (Rule r : parsed) {
            if (r.alerts()) {
                targets.add(r.id());
            }
        }
        for (Rule r : parsed) {
            for (String target : r.applies()) {
                if (!targets.contains(target)) {
                    problems.add(file, r.line(), "applies= names unknown rule \"" + target
                            + "\" (not a term or near rule of category " + category + ")");
                }
            }
        }
    }

    /**
     * Two rules of one kind whose patterns fold to the same normalised words are one rule written
     * twice (often two spellings, {@code "zabić się"} and {@code "zabic sie"}): the second is refused so
     * weights are not counted twice and a later edit cannot change one copy and miss the other.
     */
    private void checkFoldedDuplicates(String file, List<Rule> parsed, Problems problems) {
        Map<String, Integer> seen = new HashMap<>();
        for (Rule r : parsed) {
            StringBuilder key = new StringBuilder(r.kind().keyword()).append(' ').append(r.window())
                    .append(" ").append(r.roles()).append(r.applies());
            if (r.kind() == RuleKind.DOMAIN) {
                key.append(" \"").append(r.patterns().getFirst()).append('"');
                Integer first = seen.putIfAbsent(key.toString(), r.line());
                if (first != null) {
                    problems.add(file, r.line(), "rule " + r.id() + " lists the same domain as line " + first + ": keep one");
                }
                continue;
            }
            try {
                for (String p : r.patterns()) {
                    key.append(" \"").append(patterns.compile(p)).append('"');
                }
            } catch (PatternException e) {
                continue; // already reported on its line
            }
            Integer first = seen.putIfAbsent(key.toString(), r.line());
            if (first != null) {
                problems.add(file, r.line(), "rule " + r.id() + " folds to the same pattern as line " + first
                        + " (" + key.substring(key.indexOf("\"")) + "): keep one");
            }
        }
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
