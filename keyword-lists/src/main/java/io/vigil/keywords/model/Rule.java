package io.vigil.keywords.model;

import java.util.List;

/**
 * One validated rule line.
 *
 * @param weight   1-100, or {@link #BANNED} for a rule that alerts on its own; 0 for exceptions
 * @param severity 1-5 already resolved against the file's {@code @severity}; 0 for exceptions
 * @param window   the {@code near} window in words; 0 for other kinds
 * @param patterns raw patterns as written between quotes
 * @param applies  rule ids an exception is limited to; empty means every rule of its category
 * @param line     1-based line in the source file, kept so problems and explanations can point at it
 */
public record Rule(RuleKind kind, String id, String category, int weight, int severity, int window,
                   List<String> patterns, List<String> applies, int line) {

    public static final int BANNED = -1;

    public Rule {
        patterns = List.copyOf(patterns);
        applies = List.copyOf(applies);
    }

    public boolean banned() {
        return weight == BANNED;
    }
}
