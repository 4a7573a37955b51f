package io.vigil.keywords.model;

import java.util.List;

/**
 * One validated rule line.
 *
 * @param weight   1-100, or {@link #BANNED} for a rule that alerts on its own; 0 for exceptions and cues
 * @param severity 1-5 already resolved against the file's {@code @severity}; 0 for exceptions and cues
 * @param window   the {@code near} window in words; 0 for other kinds
 * @param patterns raw patterns as written between quotes (none for escalate)
 * @param applies  rule ids an exception is limited to; empty means every rule of its category
 * @param line     1-based line in the source file, kept so problems and explanations can point at it
 * @param language ISO code of the language the rule is written in (the {@code @language} in force)
 * @param roles    a cue's one role; an escalate rule's groups, each {@code role|role|...}; empty otherwise
 */
public record Rule(RuleKind kind, String id, String category, int weight, int severity, int window,
                   List<String> patterns, List<String> applies, int line, String language, List<String> roles) {

    public static final int BANNED = -1;

    public Rule {
        patterns = List.copyOf(patterns);
        applies = List.copyOf(applies);
        roles = List.copyOf(roles);
    }

    /** A term, near or except rule in English (the form before languages and roles existed). */
    public Rule(RuleKind kind, String id, String category, int weight, int severity, int window,
                List<String> patterns, List<String> applies, int line) {
        this(kind, id, category, weight, severity, window, patterns, applies, line, "en", List.of());
    }

    public boolean banned() {
        return weight == BANNED;
    }

    /** Whether this rule can alert (term, near, escalate) rather than shape other rules (except, cue). */
    public boolean alerts() {
        return kind == RuleKind.TERM || kind == RuleKind.NEAR || kind == RuleKind.ESCALATE;
    }
}
