package io.vigil.console.policy;

/** One thing wrong with an uploaded policy, where it is: shown as {@code file:line: message}. */
public record PolicyProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
