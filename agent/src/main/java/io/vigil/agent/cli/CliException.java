package io.vigil.agent.cli;

/** An expected failure: printed as one line, no stack trace, with the given exit code. */
public final class CliException extends RuntimeException {

    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    public static CliException failure(String message) {
        return new CliException(ExitCodes.FAILURE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
