package io.vigil.console.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the disk a burst of ingest took. Every durable commit writes a new chunk to the H2 file and a burst
 * (the 8:45 storm) leaves the file several times larger than its data; H2's background thread reuses that space
 * but does not move chunks to shrink the file. Once ingest has been quiet for {@link #QUIET}, this compacts the
 * file once, for at most {@link #MAX_COMPACT_TIME}, so a storm costs disk for minutes, not for ever.
 *
 * <p>Quiet, not a timer, because compaction holds the store: an alert arriving meanwhile waits up to
 * {@link #MAX_COMPACT_TIME} for its Ack (never lost, only late), and that must not happen mid-storm.
 */
public final class IdleCompaction implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdleCompaction.class);
    static final Duration QUIET = Duration.ofSeconds(30);
    static final Duration TICK = Duration.ofSeconds(10);
    static final Duration MAX_COMPACT_TIME = Duration.ofSeconds(2);

    /** Compacts the store for at most the given time; returns the file size afterwards (-1 if unknown). */
    @FunctionalInterface
    public interface Compactor {
        long compact(Duration maxTime);
    }

    private final LongSupplier activity;
    private final Compactor compactor;
    private final Clock clock;
    private final ScheduledExecutorService thread = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "idle-compaction");
        t.setDaemon(true);
        return t;
    });
    private long lastActivity = Long.MIN_VALUE;
    private Instant quietSince;
    private boolean compactedSinceActivity = true;

    /** @param activity a counter that moves whenever the store is written in earnest (alerts stored) */
    public IdleCompaction(LongSupplier activity, Compactor compactor, Clock clock) {
        this.activity = activity;
        this.compactor = compactor;
        this.clock = clock;
    }

    public IdleCompaction start() {
        thread.scheduleWithFixedDelay(this::tickQuietly, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void tickQuietly() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Compacting the database file failed; retrying after the next burst: {}", e.toString());
        }
    }

    /** @return whether it compacted */
    synchronized boolean tick() {
        long now = activity.getAsLong();
        Instant at = clock.instant();
        if (now != lastActivity) {
            // The first look also counts as activity: a console that starts compacts after its first quiet spell.
            compactedSinceActivity = lastActivity == Long.MIN_VALUE && now == 0;
            lastActivity = now;
            quietSince = at;
            return false;
        }
        if (compactedSinceActivity || Duration.between(quietSince, at).compareTo(QUIET) < 0) {
            return false;
        }
        compactedSinceActivity = true;
        long bytes = compactor.compact(MAX_COMPACT_TIME);
        LOG.info("Ingest quiet for {} s: compacted the database file ({} bytes now)", QUIET.toSeconds(), bytes);
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
