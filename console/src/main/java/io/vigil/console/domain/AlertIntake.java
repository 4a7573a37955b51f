package io.vigil.console.domain;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for alerts from every device session. One writer thread takes whatever alerts are waiting,
 * stores them in one transaction with one sync to disk ({@link AlertRepository#storeAll}), and only then
 * completes each alert's future, which is what lets a session acknowledge it. Under load a batch holds
 * hundreds of alerts, so the cost of the sync is shared; when quiet a batch holds one alert and is written at
 * once, so nobody waits for a timer.
 *
 * <p>Futures complete in submission order, batch after batch: a session's acknowledgements therefore never
 * overtake one another, which matters because an Ack covers every sequence up to its own.
 */
public final class AlertIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertIntake.class);
    /** Large enough to share one sync among thousands of devices, small enough for a quick transaction. */
    static final int MAX_BATCH = 4_000;
    /** Beyond this, sessions wait to submit: gRPC flow control then slows the devices, memory stays bounded. */
    static final int MAX_WAITING = 20_000;

    private record Pending(NewAlert alert, Optional<AlertScreenshot> screenshot, CompletableFuture<Boolean> done) {
    }

    private final AlertRepository alerts;
    private final ScreenshotRepository screenshots;
    private final Clock clock;
    private final BlockingQueue<Pending> waiting = new ArrayBlockingQueue<>(MAX_WAITING);
    private final Thread writer;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean closing;
    /** Filled by completion callbacks while the writer completes a batch; run once each when it has. */
    private final Set<Runnable> afterBatch = new LinkedHashSet<>();
    private boolean completingBatch;

    public AlertIntake(AlertRepository alerts, ScreenshotRepository screenshots, Clock clock) {
        this.alerts = alerts;
        this.screenshots = screenshots;
        this.clock = clock;
        this.writer = Thread.ofPlatform().name("alert-group-commit").daemon().unstarted(this::run);
        writer.start();
    }

    /**
     * Queues an already validated alert for the next batch.
     *
     * @return completes once the alert is durably stored (or was already), with whether its screenshot was
     *     kept; completes exceptionally if the store failed, and then nothing may be acknowledged
     */
    public CompletableFuture<Boolean> submit(NewAlert alert, Optional<AlertScreenshot> screenshot) {
        var pending = new Pending(alert, screenshot, new CompletableFuture<>());
        try {
            if (closing) {
                throw new StoreUnavailable("the console is shutting down");
            }
            waiting.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.done.completeExceptionally(e);
        } catch (StoreUnavailable e) {
            pending.done.completeExceptionally(e);
        }
        return pending.done;
    }

    /**
     * Runs the action once the batch being completed has been completed in full, or at once when called
     * outside that (a future that was already complete runs its callback on the caller's thread). The same
     * action registered several times in one batch runs once: a session registers one flush for all its alerts
     * in the batch and sends one Ack for the highest, instead of one Ack per alert.
     */
    public void afterBatch(Runnable action) {
        if (Thread.currentThread() == writer && completingBatch) {
            afterBatch.add(action);
        } else {
            action.run();
        }
    }

    /** Batches written so far; with {@link #written()} it shows how well syncs are shared. */
    public long batches() {
        return batches.get();
    }

    public long written() {
        return written.get();
    }

    /** Alerts received and not yet written. */
    public int waiting() {
        return waiting.size();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closing || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        waiting.forEach(p -> p.done.completeExceptionally(new StoreUnavailable("the console is shutting down")));
    }

    private void write(List<Pending> batch) {
        List<Boolean> kept = new ArrayList<>(batch.size());
        try {
            alerts.storeAll(batch.stream().map(Pending::alert).toList(), clock.instant());
            for (Pending p : batch) {
                kept.add(keepScreenshot(p));
            }
        } catch (RuntimeException e) {
            LOG.error("Could not store a batch of {} alert(s); none is acknowledged, devices will resend", batch.size(),
                    e);
            batch.forEach(p -> p.done.completeExceptionally(e));
            return;
        }
        batches.incrementAndGet();
        written.addAndGet(batch.size());
        completingBatch = true;
        try {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done.complete(kept.get(i));
            }
        } finally {
            completingBatch = false;
        }
        for (Runnable action : afterBatch) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("An action after a stored batch failed", e);
            }
        }
        afterBatch.clear();
    }

    /**
     * Evidence is optional, the alert is not: the screenshot is written after the alerts' durable commit and
     * reaches the disk with the next sync at the latest.
     */
    private boolean keepScreenshot(Pending p) {
        boolean keep = p.screenshot.isPresent() && p.screenshot.get().problem() == null
                && AlertScreenshot.allowedFor(p.alert.category());
        if (keep) {
            screenshots.storeOnce(p.screenshot.get(), clock.instant());
        }
        return keep;
    }

    /** Writes what is already queued, then stops; later submissions fail. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        writer.join(TimeUnit.SECONDS.toMillis(10));
        // How well syncs were shared since start: the figure to look at when ingest is slow.
        LOG.info("Alert intake stored {} alert(s) in {} batch(es)", written.get(), batches.get());
    }

    /** Thrown into a future that could not be queued. */
    public static final class StoreUnavailable extends RuntimeException {
        StoreUnavailable(String message) {
            super(message);
        }
    }
}
