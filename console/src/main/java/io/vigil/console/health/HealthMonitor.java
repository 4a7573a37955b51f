package io.vigil.console.health;

import io.vigil.console.domain.HealthReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the figures {@code /api/health} reports, so answering a poll costs two counter reads and no I/O. The
 * database is checked every {@link #EVERY} on this monitor's own thread (its probe has its own connection), so
 * a check never waits for a connection behind a burst of ingest, and a request never waits for a check.
 *
 * <p>Truth over comfort: each report carries the age of its database figures, and once they are older than
 * {@link #STALE_AFTER} (the check itself is stuck, or the console is too starved to run it) the report says so
 * instead of repeating the last good answer.
 */
public final class HealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    /** Often enough that a monitoring poll every few seconds sees a fresh figure. */
    static final Duration EVERY = Duration.ofSeconds(1);
    /** A database that needs longer than this for {@code select 1} is as good as down for a DSL at a desk. */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);
    /** Several missed checks in a row: past this the last result no longer vouches for the database. */
    static final Duration STALE_AFTER = Duration.ofSeconds(10);

    private record Checked(DatabaseCheck database, Instant at) {
    }

    private final DatabaseProbe probe;
    private final IntSupplier alertsWaiting;
    private final IntSupplier deviceSessions;
    private final Clock clock;
    private final AtomicReference<Checked> last = new AtomicReference<>();
    private final ScheduledExecutorService thread = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "health-monitor");
        t.setDaemon(true);
        return t;
    });

    public HealthMonitor(DatabaseProbe probe, IntSupplier alertsWaiting, IntSupplier deviceSessions, Clock clock) {
        this.probe = probe;
        this.alertsWaiting = alertsWaiting;
        this.deviceSessions = deviceSessions;
        this.clock = clock;
    }

    /** Checks once now (so the first poll has an answer), then every {@link #EVERY}. */
    public HealthMonitor start() {
        checkNow();
        thread.scheduleWithFixedDelay(this::checkNow, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    void checkNow() {
        DatabaseCheck result;
        try {
            result = probe.check(CHECK_TIMEOUT);
        } catch (RuntimeException e) {
            result = new DatabaseCheck(false, -1, String.valueOf(e.getMessage()));
        }
        Checked previous = last.getAndSet(new Checked(result, clock.instant()));
        // Logged on change only: a check every second must not write a line every second.
        boolean wasReachable = previous == null || previous.database.reachable();
        if (wasReachable && !result.reachable()) {
            LOG.error("The database does not answer: {}", result.problem());
        } else if (!wasReachable && result.reachable()) {
            LOG.info("The database answers again");
        }
    }

    /** Reads the last check and the live counters; never touches the database. */
    public HealthReport report() {
        Checked checked = last.get();
        int waiting = alertsWaiting.getAsInt();
        int sessions = deviceSessions.getAsInt();
        if (checked == null) {
            return new HealthReport(-1, waiting, sessions, false, null, "the database has not been checked yet");
        }
        Duration age = Duration.between(checked.at, clock.instant());
        String problem = null;
        if (!checked.database.reachable()) {
            // Health is public: the reason (which may name the database server) goes to the log, not the answer.
            problem = "the database did not answer; see the console log";
        } else if (age.compareTo(STALE_AFTER) > 0) {
            problem = "the database was last checked " + age.toSeconds() + " s ago; the check is overdue";
        }
        return new HealthReport(checked.database.bytes(), waiting, sessions, checked.database.reachable(), age,
                problem);
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
