package io.vigil.filter;

import java.util.List;

/** A filter policy was refused. Carries every problem found, each naming file, line and what is wrong. */
public final class PolicyException extends Exception {

    private final List<String> problems;

    public PolicyException(List<String> problems) {
        super(problems.size() + " problem(s) in filter policy:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each entry reads like {@code school.vfp:12: unknown category "gamez"}. */
    public List<String> problems() {
        return problems;
    }
}
