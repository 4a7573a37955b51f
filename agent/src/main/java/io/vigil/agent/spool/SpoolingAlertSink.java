package io.vigil.agent.spool;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.SpooledAlert;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where raised alerts go: straight into the spool, durably, before anything tries to send them.
 * Logs category, severity and sequence only; the snippet is sensitive and never logged.
 *
 * <p>If the spool cannot take an alert (disk full, I/O error) the alert is held in memory and retried
 * before the next one, rather than thrown at the capture thread: an exception there would end all
 * monitoring on the device, which protects nobody. The memory backlog is bounded; past it the oldest
 * held alert is dropped with an ERROR, because an unbounded backlog would end with the agent killed.
 */
public final class SpoolingAlertSink implements Consumer<AlertRecord> {

    /** Appends durably and returns the stored alert with its sequence; {@link AlertSpool#append} in production. */
    interface Spooler {
        SpooledAlert append(AlertRecord alert);
    }

    static final int MAX_HELD = 1_000;
    private static final Logger log = LoggerFactory.getLogger(SpoolingAlertSink.class);

    private final Spooler spool;
    private final Deque<AlertRecord> held = new ArrayDeque<>();

    public SpoolingAlertSink(AlertSpool spool) {
        this(spool::append);
    }

    SpoolingAlertSink(Spooler spool) {
        this.spool = spool;
    }

    @Override
    public synchronized void accept(AlertRecord alert) {
        held.addLast(alert);
        while (!held.isEmpty()) {
            AlertRecord next = held.peekFirst();
            try {
                SpooledAlert spooled = spool.append(next);
                held.removeFirst();
                log.info("alert raised {} severity {} seq {}", next.category(), next.severity(), spooled.sequence());
            } catch (RuntimeException e) {
                log.error("cannot write alert ({} severity {}) to the spool: {}; holding {} alert(s) in memory and "
                        + "retrying with the next one", next.category(), next.severity(), e.getMessage(), held.size());
                dropOldestBeyondLimit();
                return;
            }
        }
    }

    /** Alerts raised but not yet in the spool because it refused them. */
    synchronized int held() {
        return held.size();
    }

    private void dropOldestBeyondLimit() {
        while (held.size() > MAX_HELD) {
            AlertRecord dropped = held.removeFirst();
            log.error("memory backlog full: dropped alert ({} severity {}) that the spool could not store",
                    dropped.category(), dropped.severity());
        }
    }
}
