package io.vigil.agent.cli;

/** Exit codes scripts (MDM, systemd, tests) can rely on. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Something went wrong at run time: console unreachable or refused, file not writable. */
    public static final int FAILURE = 1;
    /** The command line or a file it names is wrong: fix the input and retry. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
