package io.vigil.console.search;

import io.vigil.console.domain.AlertRepository;
import io.vigil.console.domain.StoredAlert;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private final AlertRepository alerts;
    private final LuceneAlertIndex index;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alert-indexer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    public AlertIndexer(AlertRepository alerts, LuceneAlertIndex index) {
        this.alerts = alerts;
        this.index = index;
    }

    /** Asks for a catch-up soon; returns at once. */
    public void requestCatchUp() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    catchUp();
                } catch (RuntimeException e) {
                    // The rows are safe in the database; the next request or restart indexes them.
                    LOG.error("Indexing alerts failed; will retry on the next alert or restart", e);
                }
            });
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
