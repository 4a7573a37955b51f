package io.vigil.console.lists;

import io.vigil.console.domain.ConsoleException;
import java.util.List;

/** An upload or change that cannot be published: every problem, each naming {@code file:line} where it can. */
public final class InvalidListsException extends ConsoleException {

    private final List<String> problems;

    public InvalidListsException(List<String> problems) {
        super(problems.size() + " problem(s) in the keyword lists; nothing was published:\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
