package io.vigil.console.policy;

import io.vigil.console.domain.ConsoleException;
import java.util.List;
import java.util.stream.Collectors;

/** An upload was refused; nothing was stored or pushed. Carries every problem, not only the first. */
public final class InvalidPolicyException extends ConsoleException {

    private final List<PolicyProblem> problems;

    public InvalidPolicyException(List<PolicyProblem> problems) {
        super("policy refused: " + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
