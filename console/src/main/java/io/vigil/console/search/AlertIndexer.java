package io.vigil.console.search;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertRepository;
import io.vigil.console.domain.AlertTextIndex;
import io.vigil.console.domain.IndexOutbox;
import io.vigil.console.domain.StoredAlert;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's index in step with the store. A new index (or one whose node the store does not know, as
 * after a restore) is built by a full scan that survives restarts; after that the node drains its own outbox.
 * It polls the outbox on one background thread, so indexing never delays an acknowledgement to a device and
 * alerts stored by other console nodes on a shared database arrive too.
 */
public final class AlertIndexer implements AlertTextIndex, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertIndexer.class);
    /**
     * Alerts per index commit. A Lucene commit syncs files and was the indexer's biggest cost in the 8:45 storm,
     * so under load a poll takes everything waiting, up to this, into one commit.
     */
    private static final int BATCH = 2_000;
    /** Short enough that a new alert is searchable within a second; an idle poll is one indexed lookup. */
    static final Duration POLL = Duration.ofMillis(500);
    /** How often the node tells the store it is alive: far inside {@link IndexOutbox#NODE_EXPIRY}. */
    static final Duration ALIVE_EVERY = Duration.ofMinutes(10);

    private final AlertRepository alerts;
    private final IndexOutbox outbox;
    private final LuceneAlertIndex index;
    private final String nodeId;
    private final ScheduledThreadPoolExecutor worker = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "alert-indexer");
        t.setDaemon(true);
        return t;
    });
    private volatile long backlog;
    private volatile boolean failing;

    public AlertIndexer(AlertRepository alerts, IndexOutbox outbox, LuceneAlertIndex index) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.index = index;
        this.nodeId = index.buildState().nodeId().orElseGet(() -> "node-" + UUID.randomUUID());
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Registers this node (so alerts stored from now on reach its outbox) and starts polling. */
    public AlertIndexer start() {
        prepare();
        worker.scheduleWithFixedDelay(this::pollQuietly, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(this::aliveQuietly, ALIVE_EVERY.toMillis(), ALIVE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Registers the node and clears the index if it must be built afresh; the scan itself runs in catchUp. */
    public synchronized void prepare() {
        boolean unknownHere = outbox.register(nodeId);
        var state = index.buildState();
        if (unknownHere || state.nodeId().isEmpty()) {
            LOG.info("Building the search index for console node {} from the database", nodeId);
            index.startBuild(nodeId);
        }
    }

    public String nodeId() {
        return nodeId;
    }

    private void aliveQuietly() {
        try {
            outbox.stillAlive(nodeId);
        } catch (RuntimeException e) {
            LOG.warn("Could not record that console node {} is alive: {}", nodeId, e.toString());
        }
    }

    private void pollQuietly() {
        try {
            catchUp();
            if (failing) {
                LOG.info("Indexing alerts works again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // The rows are safe in the database and stay in the outbox; the next poll retries. Log once, not
            // twice a second.
            if (!failing) {
                LOG.error("Indexing alerts failed; retrying", e);
                failing = true;
            }
        }
    }

    /** Finishes any full build, then indexes every alert waiting in this node's outbox; returns how many. */
    public synchronized int catchUp() {
        int indexed = 0;
        var state = index.buildState();
        if (!state.scanDone()) {
            long mark = state.scanMark();
            List<StoredAlert> batch;
            while (!(batch = alerts.afterRowId(mark, BATCH)).isEmpty()) {
                mark = batch.getLast().rowId();
                index.addScanned(batch, mark);
                indexed += batch.size();
                backlog = Math.max(backlog, 1);
            }
            index.finishBuild();
        }
        List<StoredAlert> batch;
        while (!(batch = outbox.pending(nodeId, BATCH)).isEmpty()) {
            index.add(batch);
            outbox.done(nodeId, batch.stream().map(StoredAlert::rowId).toList());
            indexed += batch.size();
        }
        backlog = outbox.pendingCount(nodeId);
        return indexed;
    }

    @Override
    public Hits search(AlertQuery query) {
        return index.search(query);
    }

    @Override
    public long notYetSearchable() {
        return index.buildState().scanDone() ? backlog : Math.max(1, backlog);
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
