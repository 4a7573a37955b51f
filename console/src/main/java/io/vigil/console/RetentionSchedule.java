package io.vigil.console;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.RetentionPurge;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention purge shortly after start and then once a day, on one background thread. What each run
 * removes is logged and written to the audit log (actor {@value #ACTOR}). A failed run is logged and retried the
 * next day; records are never lost by a failure, only kept longer.
 */
final class RetentionSchedule implements AutoCloseable {

    static final String ACTOR = "retention";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);
    /** After start-up work (index build, listeners), not during it. */
    private static final Duration FIRST_RUN = Duration.ofMinutes(5);
    private static final Duration EVERY = Duration.ofDays(1);

    private final RetentionPurge purge;
    private final AuditLog audit;
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "retention-purge");
        t.setDaemon(true);
        return t;
    });

    RetentionSchedule(RetentionPurge purge, AuditLog audit) {
        this.purge = purge;
        this.audit = audit;
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    RetentionSchedule start() {
        worker.scheduleWithFixedDelay(this::runQuietly, FIRST_RUN.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    void runQuietly() {
        try {
            int schools = purge.run((school, removed) -> {
                LOG.info("Retention purge removed {}", removed.describe());
                audit.record(ACTOR, AuditAction.RETENTION_PURGE, removed.describe());
            }).size();
            LOG.info("Retention purge done ({} schools had expired records)", schools);
        } catch (RuntimeException e) {
            LOG.error("Retention purge failed; it runs again tomorrow", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
