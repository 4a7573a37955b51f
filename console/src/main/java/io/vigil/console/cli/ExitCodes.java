package io.vigil.console.cli;

/** Exit codes of vigil-console, stable for scripts. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Something went wrong while running: bad data directory, port in use, corrupt files. */
    public static final int FAILED = 1;
    /** The command line itself was wrong: unknown flag, bad value. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
