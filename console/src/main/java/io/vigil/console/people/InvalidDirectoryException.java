package io.vigil.console.people;

import java.util.List;
import java.util.stream.Collectors;

/** A directory file was refused; nothing of it was imported. Carries every problem found, each with its row. */
public final class InvalidDirectoryException extends RuntimeException {

    private final List<DirectoryProblem> problems;

    public InvalidDirectoryException(List<DirectoryProblem> problems) {
        super("directory file refused, nothing imported: " + problems.stream().map(DirectoryProblem::toString)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<DirectoryProblem> problems() {
        return problems;
    }
}
