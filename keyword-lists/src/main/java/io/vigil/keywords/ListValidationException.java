package io.vigil.keywords;

import java.util.List;

/** A list set was refused. Carries every problem found, each naming file, line and what is wrong. */
public final class ListValidationException extends Exception {

    private final List<String> problems;

    public ListValidationException(List<String> problems) {
        super(problems.size() + " problem(s) in keyword lists:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each entry reads like {@code self_harm.vkl:12: severity 7 out of range 1-5}. */
    public List<String> problems() {
        return problems;
    }
}
