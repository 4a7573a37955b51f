package io.vigil.agent.spool;

import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.SpooledRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where everything the device reports goes: alerts, filter events, notice acceptances, browsing
 * summaries and review requests, straight into the spool, durably, before anything tries to send them.
 * This is the one call other parts of the agent need: {@code sink.accept(FilterEventRecord.of(...))}.
 * Logs kind and sequence only (and an alert's category and severity); content is sensitive and never logged.
 *
 * <p>If the spool cannot take a record (disk full, I/O error) it is held in memory and retried
 * before the next one and by {@link #retryHeld()} (the agent calls it every few seconds, and once more on the
 * way out), rather than thrown at the caller's thread: an exception on the capture thread
 * would end all monitoring on the device, which protects nobody. The memory backlog is bounded; past it
 * the oldest held record is dropped with an ERROR, because an unbounded backlog would end with the agent
 * killed.
 */
public final class SpoolingRecordSink implements Consumer<DeviceRecord> {

    /** Appends durably and returns the stored record with its sequence; {@link AlertSpool#append} in production. */
    interface Spooler {
        SpooledRecord append(DeviceRecord record);
    }

    static final int MAX_HELD = 1_000;
    private static final Logger log = LoggerFactory.getLogger(SpoolingRecordSink.class);

    private final Spooler spool;
    private final Deque<DeviceRecord> held = new ArrayDeque<>();
    /** Logged once per outage, not once per record or retry. */
    private boolean failing;

    public SpoolingRecordSink(AlertSpool spool) {
        this(spool::append);
    }

    SpoolingRecordSink(Spooler spool) {
        this.spool = spool;
    }

    @Override
    public synchronized void accept(DeviceRecord record) {
        held.addLast(record);
        writeHeld();
    }

    /** Writes what the spool refused before, if it takes writes again; returns how many are still held. */
    public synchronized int retryHeld() {
        if (!held.isEmpty()) {
            writeHeld();
        }
        return held.size();
    }

    private void writeHeld() {
        while (!held.isEmpty()) {
            DeviceRecord next = held.peekFirst();
            try {
                SpooledRecord spooled = spool.append(next);
                held.removeFirst();
                log.info("{} raised{} seq {}", next.kind(), describe(next), spooled.sequence());
                if (failing && held.isEmpty()) {
                    log.warn("the spool takes records again; every record held in memory is now on disk");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    log.error("cannot write {}{} to the spool: {}; holding it in memory and retrying", next.kind(),
                            describe(next), e.getMessage());
                    failing = true;
                }
                log.debug("spool still refuses records: {}; {} held in memory", e.getMessage(), held.size());
                dropOldestBeyondLimit();
                return;
            }
        }
    }

    /** Records raised but not yet in the spool because it refused them. */
    public synchronized int held() {
        return held.size();
    }

    private void dropOldestBeyondLimit() {
        while (held.size() > MAX_HELD) {
            DeviceRecord dropped = held.removeFirst();
            log.error("memory backlog full: dropped {}{} that the spool could not store", dropped.kind(),
                    describe(dropped));
        }
    }

    /** What may be logged: an alert's category and severity, nothing of any record's content. */
    private static String describe(DeviceRecord record) {
        return record instanceof io.vigil.agent.alert.AlertRecord a
                ? " " + a.category() + " severity " + a.severity() : "";
    }
}
