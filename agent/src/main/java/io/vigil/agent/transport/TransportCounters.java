package io.vigil.agent.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the transport has done so far, for health and for tests that must assert that something did not
 * happen: "nothing was sent after two more turns of the session loop" is a fact, "nothing was sent within
 * 500 ms" only a guess that fails on a busy machine.
 */
public final class TransportCounters {

    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicLong turns = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<Duration> delays = new ArrayList<>();

    /** Session calls started (each begins with Hello), successful or not. */
    public int attempts() {
        return attempts.get();
    }

    /** Session calls that have ended and been handled (the reconnect delay chosen). */
    public int ended() {
        return ended.get();
    }

    /** Turns of the session loop: each looks for Acks, sends what the window allows and heartbeats if due. */
    public long turns() {
        return turns.get();
    }

    /** Records sent in the current session and not yet acknowledged. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The waits chosen before each reconnect, oldest first. */
    public synchronized List<Duration> reconnectDelays() {
        return List.copyOf(delays);
    }

    void attempted() {
        attempts.incrementAndGet();
    }

    void turned() {
        turns.incrementAndGet();
    }

    void inFlight(int records) {
        inFlight.set(records);
    }

    synchronized void waiting(Duration delay) {
        if (delays.size() < 1_000) {
            delays.add(delay);
        }
        ended.incrementAndGet();
    }
}
