package io.vigil.console;

import io.vigil.console.lists.EmergencyReviewCheck;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the emergency-review check every few minutes on one background thread. Minutes late on a 24-hour
 * deadline is fine; the check itself takes its time from the injected clock, so tests call it directly.
 */
final class EmergencyReviewSchedule implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMinutes(5);

    private final EmergencyReviewCheck check;
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "emergency-review-check");
        t.setDaemon(true);
        return t;
    });

    EmergencyReviewSchedule(EmergencyReviewCheck check) {
        this.check = check;
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    EmergencyReviewSchedule start() {
        worker.scheduleWithFixedDelay(check, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
