package io.vigil.agent.capture.replay;

/** Waits; replaced in tests so pacing can be checked without waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
