package io.vigil.console.cli;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/** The startup lines scripts and tests look for; "Vigil console ready" comes last, once both listeners are up. */
final class Announcement {

    static final String READY = "Vigil console ready";

    private Announcement() {
    }

    static void ready(PrintStream out, ConsoleOperations.RunningConsole console) {
        out.println("Console web: " + console.webUrl());
        out.println("Agent gRPC: " + console.grpcAddress());
        out.println("Certificate SHA-256: " + console.fingerprint());
        out.println(READY);
        out.flush();
    }

    /** Blocks until the JVM shuts down (Ctrl+C, SIGTERM); the shutdown hooks do the closing. */
    static void waitForShutdown() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
