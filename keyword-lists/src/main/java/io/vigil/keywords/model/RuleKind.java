package io.vigil.keywords.model;

/** The three rule kinds of a {@code .vkl} file (see FORMAT.md). */
public enum RuleKind {
    TERM, NEAR, EXCEPT;

    /** The keyword as written in a list file. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
