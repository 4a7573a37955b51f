package io.vigil.keywords.format;

import io.vigil.keywords.match.CompiledPattern;
import io.vigil.keywords.match.PatternCompiler;
import io.vigil.keywords.match.PatternException;
import io.vigil.keywords.model.Rule;
import io.vigil.keywords.model.RuleKind;
import io.vigil.keywords.normalize.ScriptFolding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Parses and checks one rule line of a {@code .vkl} file, reporting every problem on it. */
final class RuleLineParser {

    static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    static final int MAX_WEIGHT = 100;
    static final int MAX_WINDOW = 50;

    private final PatternCompiler patterns;

    RuleLineParser(PatternCompiler patterns) {
        this.patterns = patterns;
    }

    /**
     * @param defaultSeverity the file's {@code @severity}, or 0 when that header is itself broken
     * @return the rule, or null when the line has problems (all of them reported)
     */
    Rule parse(String file, int line, List<LineLexer.Field> fields, String category, int defaultSeverity,
               String language, Problems problems) {
        String kindWord = fields.getFirst().text();
        RuleKind kind = kindOf(kindWord);
        if (kind == null || fields.getFirst().quoted()) {
            problems.add(file, line, "unknown rule kind \"" + kindWord + "\" (expected term, near, except, cue, escalate or domain)");
            return null;
        }
        List<String> bare = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        for (LineLexer.Field f : fields) {
            if (f.quoted()) {
                quoted.add(f.text());
            } else if (!quoted.isEmpty()) {
                problems.add(file, line, "unexpected field \"" + f.text() + "\" after the patterns");
                return null;
            } else {
                bare.add(f.text());
            }
        }
        int before = problems.list().size();
        Rule rule = switch (kind) {
            case TERM -> term(file, line, bare, quoted, category, defaultSeverity, problems);
            case NEAR -> near(file, line, bare, quoted, category, defaultSeverity, problems);
            case EXCEPT -> except(file, line, bare, quoted, category, problems);
            case CUE -> cue(file, line, bare, quoted, category, problems);
            case ESCALATE -> escalate(file, line, bare, quoted, category, problems);
            case DOMAIN -> domain(file, line, bare, quoted, category, defaultSeverity, problems);
        };
        if (rule != null) {
            rule = new Rule(rule.kind(), rule.id(), rule.category(), rule.weight(), rule.severity(), rule.window(),
                    rule.patterns(), rule.applies(), rule.line(), language, rule.roles());
        }
        for (String p : kind == RuleKind.DOMAIN ? List.<String>of() : quoted) {
            String unfolded = ScriptFolding.unfolded(p);
            if (unfolded != null) {
                problems.add(file, line, "pattern \"" + p + "\" is not in folded form: " + unfolded);
            }
            try {
                CompiledPattern compiled = patterns.compile(p);
                if (rule != null && rule.banned()
                        && (rule.kind() == RuleKind.TERM || rule.kind() == RuleKind.NEAR && allIdentity(quoted))
                        && IdentityWords.only(compiled)) {
                    problems.add(file, line, "pattern \"" + p + "\" is an identity or health word and the rule is banned:"
                            + " it may never alert on its own, only with a hostile or harmful predicate (never out a child)");
                }
                if (rule != null && rule.kind() == RuleKind.NEAR && rule.window() >= 1 && rule.window() <= MAX_WINDOW
                        && compiled.minWords() > rule.window()) {
                    problems.add(file, line, "pattern \"" + p + "\" spans " + compiled.minWords()
                            + " words, more than the near window of " + rule.window() + ": the rule can never match");
                }
            } catch (PatternException e) {
                problems.add(file, line, e.getMessage());
            }
        }
        return problems.list().size() == before ? rule : null;
    }

    /** Whether every pattern of a rule is an identity word: such a rule has no predicate. */
    boolean allIdentity(List<String> quoted) {
        for (String q : quoted) {
            try {
                if (!IdentityWords.only(patterns.compile(q))) {
                    return false;
                }
            } catch (PatternException e) {
                return false;
            }
        }
        return true;
    }

    private Rule term(String file, int line, List<String> bare, List<String> quoted, String category,
                      int defaultSeverity, Problems problems) {
        if (bare.size() != 4 || quoted.size() != 1) {
            problems.add(file, line, "term expects: term <id> <weight> <severity> \"<pattern>\" (one quoted pattern)");
            return null;
        }
        checkId(file, line, bare.get(1), problems);
        int weight = weight(file, line, bare.get(2), problems);
        int severity = severity(file, line, bare.get(3), defaultSeverity, problems);
        return new Rule(RuleKind.TERM, bare.get(1), category, weight, severity, 0, quoted, List.of(), line);
    }

    private Rule near(String file, int line, List<String> bare, List<String> quoted, String category,
                      int defaultSeverity, Problems problems) {
        if (bare.size() != 5) {
            problems.add(file, line, "near expects: near <id> <weight> <severity> <window> \"<p1>\" \"<p2>\" [...]");
            return null;
        }
        checkId(file, line, bare.get(1), problems);
        int weight = weight(file, line, bare.get(2), problems);
        int severity = severity(file, line, bare.get(3), defaultSeverity, problems);
        Integer window = integer(bare.get(4));
        if (window == null || window < 1 || window > MAX_WINDOW) {
            problems.add(file, line, "near window " + bare.get(4) + " out of range 1-" + MAX_WINDOW + " words");
        }
        if (quoted.size() < 2) {
            problems.add(file, line, "near needs at least two quoted patterns, got " + quoted.size());
        }
        return new Rule(RuleKind.NEAR, bare.get(1), category, weight, severity, window == null ? 0 : window,
                quoted, List.of(), line);
    }

    private Rule except(String file, int line, List<String> bare, List<String> quoted, String category,
                        Problems problems) {
        if (bare.size() < 2 || bare.size() > 3 || quoted.size() != 1) {
            problems.add(file, line, "except expects: except <id> [applies=<rule-id>,...] \"<pattern>\" (one quoted pattern)");
            return null;
        }
        checkId(file, line, bare.get(1), problems);
        List<String> applies = List.of();
        if (bare.size() == 3) {
            String a = bare.get(2);
            if (!a.startsWith("applies=") || a.length() == "applies=".length()) {
                problems.add(file, line, "unexpected field \"" + a + "\" (expected applies=<rule-id>[,<rule-id>...])");
            } else {
                applies = Arrays.asList(a.substring("applies=".length()).split(",", -1));
            }
        }
        return new Rule(RuleKind.EXCEPT, bare.get(1), category, 0, 0, 0, quoted, applies, line);
    }

    private Rule cue(String file, int line, List<String> bare, List<String> quoted, String category,
                     Problems problems) {
        if (bare.size() != 3 || quoted.size() != 1) {
            problems.add(file, line, "cue expects: cue <id> <role> \"<pattern>\" (one quoted pattern)");
            return null;
        }
        checkId(file, line, bare.get(1), problems);
        checkRole(file, line, bare.get(2), problems);
        return new Rule(RuleKind.CUE, bare.get(1), category, 0, 0, 0, quoted, List.of(), line, "", List.of(bare.get(2)));
    }

    private Rule escalate(String file, int line, List<String> bare, List<String> quoted, String category,
                          Problems problems) {
        if (bare.size() < 5 || !quoted.isEmpty()) {
            problems.add(file, line, "escalate expects: escalate <id> <severity> <roles> <roles> [...]"
                    + " (at least two role groups, each role|role|..., no quoted patterns)");
            return null;
        }
        checkId(file, line, bare.get(1), problems);
        int severity = severity(file, line, bare.get(2), 0, problems);
        List<String> groups = bare.subList(3, bare.size());
        for (String group : groups) {
            for (String role : group.split("\\|", -1)) {
                checkRole(file, line, role, problems);
            }
        }
        return new Rule(RuleKind.ESCALATE, bare.get(1), category, Rule.BANNED, severity, 0, List.of(), List.of(),
                line, "", groups);
    }

    /** A host name as a list writes it: lower case, at least two labels, no scheme, port, path or www. */
    static final Pattern HOST = Pattern.compile("(?!www\\.)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private Rule domain(String file, int line, List<String> bare, List<String> quoted, String category,
                        int defaultSeverity, Problems problems) {
        if (bare.size() != 3 || quoted.size() != 1) {
            problems.add(file, line, "domain expects: domain <id> <severity> \"<host>\" (one quoted host name)");
            return null;
        }
        checkId(file, line, bare.get(1), problems);
        int severity = severity(file, line, bare.get(2), defaultSeverity, problems);
        String host = quoted.getFirst();
        if (!HOST.matcher(host).matches() || host.length() > 253) {
            problems.add(file, line, "domain \"" + host + "\" is not a host name: write it lower case with at least"
                    + " two labels and no scheme, www., port or path (e.g. \"example.org\"); sub-domains match too");
        }
        return new Rule(RuleKind.DOMAIN, bare.get(1), category, Rule.BANNED, severity, 0, quoted, List.of(), line);
    }

    static final Pattern ROLE = Pattern.compile("[a-z][a-z_]*");

    private static void checkRole(String file, int line, String role, Problems problems) {
        if (!ROLE.matcher(role).matches()) {
            problems.add(file, line, "bad role \"" + role + "\" (use [a-z][a-z_]*)");
        }
    }

    private static void checkId(String file, int line, String id, Problems problems) {
        if (!RULE_ID.matcher(id).matches()) {
            problems.add(file, line, "bad rule id \"" + id + "\" (use [a-z0-9][a-z0-9._-]*)");
        }
    }

    private static int weight(String file, int line, String text, Problems problems) {
        if (text.equals("banned")) {
            return Rule.BANNED;
        }
        Integer w = integer(text);
        if (w == null) {
            problems.add(file, line, "weight \"" + text + "\" is not a number 1-" + MAX_WEIGHT + " or banned");
            return 0;
        }
        if (w < 1 || w > MAX_WEIGHT) {
            problems.add(file, line, "weight " + w + " out of range 1-" + MAX_WEIGHT + " (or banned)");
        }
        return w;
    }

    private static int severity(String file, int line, String text, int defaultSeverity, Problems problems) {
        if (text.equals("-")) {
            return defaultSeverity;
        }
        Integer s = integer(text);
        if (s == null || s < 1 || s > 5) {
            problems.add(file, line, "severity " + text + " out of range 1-5 (or - for the file's @severity)");
            return 0;
        }
        return s;
    }

    static Integer integer(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Integer.parseInt(text);
    }

    private static RuleKind kindOf(String word) {
        for (RuleKind k : RuleKind.values()) {
            if (k.keyword().equals(word)) {
                return k;
            }
        }
        return null;
    }
}
