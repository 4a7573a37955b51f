package io.vigil.console;

import io.vigil.console.fleet.SilenceWatch;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link SilenceWatch} every {@value #EVERY_MINUTES} minutes on one background thread. Silence is
 * measured in days, so a quarter of an hour late is no loss, and the check is a few indexed queries per school.
 * The watch takes its time from the console's clock, not this timer: tests call it directly.
 */
final class SilenceSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SilenceSchedule.class);
    static final long EVERY_MINUTES = 15;
    /** After start-up, and after devices that were connected before a restart have had time to reconnect. */
    private static final Duration FIRST_RUN = Duration.ofMinutes(10);

    private final SilenceWatch watch;
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "silence-watch");
        t.setDaemon(true);
        return t;
    });

    SilenceSchedule(SilenceWatch watch) {
        this.watch = watch;
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    SilenceSchedule start() {
        worker.scheduleWithFixedDelay(this::runQuietly, FIRST_RUN.toMinutes(), EVERY_MINUTES, TimeUnit.MINUTES);
        return this;
    }

    private void runQuietly() {
        try {
            int raised = watch.check().size();
            if (raised > 0) {
                LOG.info("Silence check raised {} 'not reporting' IT alert(s)", raised);
            }
        } catch (RuntimeException e) {
            LOG.error("Silence check failed; it runs again in {} minutes", EVERY_MINUTES, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
