package io.vigil.keywords.model;

/** The rule kinds of a {@code .vkl} file (see FORMAT.md). */
public enum RuleKind {
    TERM, NEAR, EXCEPT,
    /** A phrase with a role (intent, method, time, help...): never alerts alone, read by escalate and context. */
    CUE,
    /** A combination of cue roles within one sentence or two adjacent ones: imminent risk as a pattern. */
    ESCALATE,
    /**
     * A site: a host name that alerts on its own when a visited address or a window title names it (or a
     * sub-domain of it). Never matched against typed text or search terms: see {@code io.vigil.keywords.Source}.
     */
    DOMAIN;

    /** The keyword as written in a list file. */
    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
