package io.vigil.console.search;

import io.vigil.console.domain.AlertRepository;
import io.vigil.console.domain.StoredAlert;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the database by following alert row ids past the index's high-water
 * mark. Runs on one background thread so that indexing never delays an acknowledgement to a device;
 * requests made while a catch-up is queued are folded into it.
 */
public final class AlertIndexer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertIndexer.class);
    private static final int BATCH = 500;

    private static final Duration RETRY_DELAY = Duration.ofSeconds(30);

    private final AlertRepository alerts;
    private final LuceneAlertIndex index;
    private final Duration retryDelay;
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "alert-indexer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    public AlertIndexer(AlertRepository alerts, LuceneAlertIndex index) {
        this(alerts, index, RETRY_DELAY);
    }

    AlertIndexer(AlertRepository alerts, LuceneAlertIndex index, Duration retryDelay) {
        this.alerts = alerts;
        this.index = index;
        this.retryDelay = retryDelay;
        // A pending retry must not hold up shutdown; the restart's catch-up covers it.
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Asks for a catch-up soon; returns at once. */
    public void requestCatchUp() {
        if (queued.compareAndSet(false, true)) {
            try {
                worker.execute(this::runRequested);
            } catch (RejectedExecutionException e) {
                // Closing: the catch-up at the next start indexes whatever this one would have.
                queued.set(false);
            }
        }
    }

    private void runRequested() {
        queued.set(false);
        try {
            catchUp();
        } catch (RuntimeException e) {
            // The rows are safe in the database. Retry on a timer, not only on the next alert: a quiet
            // evening would otherwise leave tonight's alert out of every text search until a restart.
            LOG.error("Indexing alerts failed; retrying in {} s", retryDelay.toSeconds(), e);
            try {
                worker.schedule(this::requestCatchUp, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // Closing: the next start catches up.
            }
        }
    }

    /** Indexes every stored alert the index lacks; returns how many were indexed. */
    public synchronized int catchUp() {
        long mark = index.highWaterMark();
        if (mark > alerts.maxRowId()) {
            LOG.warn("Search index is ahead of the database (restored from backup?); rebuilding it");
            index.clear();
            mark = 0;
        }
        int indexed = 0;
        List<StoredAlert> batch;
        while (!(batch = alerts.afterRowId(mark, BATCH)).isEmpty()) {
            mark = batch.getLast().rowId();
            index.add(batch, mark);
            indexed += batch.size();
        }
        return indexed;
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
