package io.vigil.agent.spool;

import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.SpooledRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records waiting for the console (alerts, and every other {@link DeviceRecord} kind: filter events,
 * notice acceptances, browsing summaries, review requests), in an H2 MVStore file. All kinds share one
 * per-device sequence space and the same rules: a record is on disk before {@link #append} returns and
 * leaves only when the console acknowledges its sequence, so nothing the agent raised is lost to a
 * crash, a kill -9 or a long outage. (The class keeps the name it had when alerts were the only kind.)
 *
 * <p>Each append commits and syncs explicitly (alerts are rare, the fsync is cheap at that rate). Opening the
 * file is {@link SpoolFile}'s job; reopening it after a failed write (a full disk) is {@link RecoveringStore}'s.
 *
 * <p>Thread-safe: capture appends on one thread while the transport reads and acknowledges on others.
 */
public final class AlertSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertSpool.class);
    private static final String LAST_SEQUENCE = "lastSequence";
    /** Set once the console's high-water mark has been reconciled with this spool (see {@link #reconcile}). */
    private static final String SYNCED = "synced";

    /**
     * The largest sequence this spool issues, the same bound the console enforces. Far below 2^63, so
     * renumbering a whole spool above a mark can never overflow into negative numbers that are never sent
     * (which once silenced a device for good), and exact in a JSON number.
     */
    public static final long MAX_SEQUENCE = 1L << 53;

    private final Path file;
    private final RecoveringStore store; // guarded by this
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();
    private volatile ScreenshotSeal seal;
    private volatile long depthSeen;
    private volatile long refusedSeen;

    private AlertSpool(Path file, RecoveringStore store) {
        this.file = file;
        this.store = store;
        this.depthSeen = store.records().sizeAsLong();
        this.refusedSeen = store.refused().sizeAsLong();
    }

    /**
     * Opens or creates the spool; a corrupt file is set aside and a new spool started (see {@link SpoolFile}).
     *
     * @throws SpoolException if the file is locked by another agent or cannot be created
     */
    public static AlertSpool open(Path file, Clock clock) {
        return new AlertSpool(file, new RecoveringStore(file, SpoolFile.openOrSetAside(file, clock)));
    }

    public static AlertSpool open(Path file) {
        return open(file, Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    /**
     * Lets the spool keep screenshots, encrypted with {@code seal}. Without a seal screenshots are
     * dropped before they are written: an image never reaches the disk in the clear.
     */
    public void sealScreenshotsWith(ScreenshotSeal seal) {
        this.seal = seal;
    }

    /** Stores the record under the next sequence; on disk when this returns. */
    public SpooledRecord append(DeviceRecord record) {
        SpooledRecord spooled;
        synchronized (this) {
            spooled = store.writing(() -> {
                long sequence = lastSequence() + 1;
                if (sequence > MAX_SEQUENCE) {
                    throw new SpoolException("spool " + file + " has used every sequence up to " + MAX_SEQUENCE);
                }
                store.records().put(sequence, RecordCodec.encode(record, seal));
                store.meta().put(LAST_SEQUENCE, sequence);
                store.commitDurably();
                return new SpooledRecord(sequence, record);
            });
        }
        appendListeners.forEach(Runnable::run);
        return spooled;
    }

    /** Every unacknowledged record, in sequence order. */
    public List<SpooledRecord> pending() {
        return pendingAfter(0, Integer.MAX_VALUE);
    }

    /** Up to {@code limit} unacknowledged records with a sequence above {@code sequence}, in order. */
    public synchronized List<SpooledRecord> pendingAfter(long sequence, int limit) {
        return store.writing(() -> readPending(sequence, limit));
    }

    private List<SpooledRecord> readPending(long sequence, int limit) {
        MVMap<Long, byte[]> records = store.records();
        List<SpooledRecord> result = new ArrayList<>();
        List<Long> bad = new ArrayList<>();
        Cursor<Long, byte[]> cursor = records.cursor(sequence + 1);
        while (cursor.hasNext() && result.size() < limit) {
            long key = cursor.next();
            try {
                result.add(new SpooledRecord(key, RecordCodec.decode(cursor.getValue(), seal)));
            } catch (IOException ex) {
                bad.add(key);
                log.error("spool {}: record {} is unreadable ({}); kept aside in map 'unreadable'",
                        file, key, ex.getMessage());
            }
        }
        if (!bad.isEmpty()) {
            bad.forEach(seq -> store.unreadable().put(seq, records.remove(seq)));
            store.commitDurably();
        }
        return result;
    }

    /** Deletes every record, of any kind, with a sequence up to and including {@code sequence}; returns how many. */
    public synchronized int ackUpTo(long sequence) {
        return store.writing(() -> removeUpTo(sequence));
    }

    private int removeUpTo(long sequence) {
        MVMap<Long, byte[]> records = store.records();
        int removed = 0;
        for (Long first = records.firstKey(); first != null && first <= sequence; first = records.firstKey()) {
            records.remove(first);
            removed++;
        }
        // Deliberately does not mark the spool reconciled: an Ack before the first high-water mark (the
        // console answered Hello too slowly) says nothing about sequences an older spool left on the console.
        // No fsync: losing an acknowledgement to a power cut only means resending, which the console ignores.
        store.commit();
        return removed;
    }

    /**
     * Sets aside a record (of any kind) the console refused as invalid, so the records behind it can be delivered. It is
     * kept in map 'refused' (never deleted: it is evidence, and a console of a matching version may accept
     * it) and counted by {@link #refusedCount()}, which heartbeats report to the console.
     *
     * @return false if no pending record has that sequence (already acknowledged or set aside)
     */
    public synchronized boolean setAside(long sequence) {
        return store.writing(() -> {
            byte[] record = store.records().remove(sequence);
            if (record == null) {
                return false;
            }
            store.refused().put(sequence, record);
            store.commitDurably();
            return true;
        });
    }

    /** Never throws: while the file cannot be read, the count last seen (heartbeats must still go out). */
    public synchronized long refusedCount() {
        try {
            store.ensureOpen();
            refusedSeen = store.refused().sizeAsLong();
        } catch (RuntimeException e) {
            log.debug("spool {}: refused count unavailable: {}", file, e.toString());
        }
        return refusedSeen;
    }

    /**
     * Applies the console's high-water mark for this device, sent straight after Hello.
     *
     * <p>Normally the mark is an acknowledgement. But if this spool has never been reconciled (it is
     * new: first run, or the old file was corrupt or deleted) or the console claims more than this
     * spool ever issued, its sequence numbers overlap ones the console already holds for other
     * alerts; acknowledging would delete alerts never sent. Those alerts are renumbered above the
     * mark instead and sent again (the console stores each uuid once).
     *
     * @return true if the pending alerts were renumbered
     */
    public synchronized boolean reconcile(long consoleMark) {
        return store.writing(() -> applyMark(consoleMark));
    }

    private boolean applyMark(long consoleMark) {
        MVMap<Long, byte[]> records = store.records();
        // uint64 on the wire: a mark above 2^63-1 arrives negative. A mark outside the range this spool may use
        // cannot come from a console that checks sequences; following it would renumber past the range (and
        // once overflowed into negative numbers that are never sent). It is ignored: nothing is deleted or
        // renumbered, and every Ack in the session still covers only what this session sent.
        if (consoleMark < 0 || consoleMark > MAX_SEQUENCE - records.sizeAsLong()) {
            log.error("spool {}: the console says it holds sequences up to {} for this device, beyond the range a "
                    + "device may use ({}); ignored, nothing deleted or renumbered. Upgrade the console.", file,
                    Long.toUnsignedString(consoleMark), MAX_SEQUENCE);
            return false;
        }
        if (reconciled() && consoleMark <= lastSequence()) {
            removeUpTo(consoleMark);
            return false;
        }
        boolean renumber = consoleMark > 0 && !records.isEmpty();
        if (renumber) {
            List<byte[]> values = new ArrayList<>(records.values());
            records.clear();
            long next = Math.max(consoleMark, lastSequence());
            for (byte[] value : values) {
                records.put(++next, value);
            }
            store.meta().put(LAST_SEQUENCE, next);
            log.warn("spool {}: console already holds sequences up to {} for this device; renumbered {} pending "
                    + "record(s) to follow it", file, consoleMark, values.size());
        } else if (consoleMark > lastSequence()) {
            store.meta().put(LAST_SEQUENCE, consoleMark);
        }
        store.meta().put(SYNCED, 1L);
        store.commitDurably();
        return renumber;
    }

    /** Whether a console high-water mark has ever been applied to this spool (see {@link #reconcile}). */
    public synchronized boolean reconciled() {
        store.ensureOpen();
        return store.meta().getOrDefault(SYNCED, 0L) == 1L;
    }

    /** Never throws: while the file cannot be read (or after close), the depth last seen. */
    public synchronized long depth() {
        try {
            store.ensureOpen();
            depthSeen = store.records().sizeAsLong();
        } catch (RuntimeException e) {
            log.debug("spool {}: depth unavailable: {}", file, e.toString());
        }
        return depthSeen;
    }

    /** The highest sequence ever issued by this spool (0 if none), including acknowledged ones. */
    public synchronized long lastSequence() {
        store.ensureOpen();
        return store.meta().getOrDefault(LAST_SEQUENCE, 0L);
    }

    /**
     * Why the last write failed ("No space left on device"), or null when writes work: set by a failed write,
     * cleared by the next one that succeeds. Heartbeats carry it to the console.
     */
    public String writeProblem() {
        return store.writeProblem();
    }

    /** Called after each append, on the appending thread; must be quick. */
    public void onAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    @Override
    public synchronized void close() {
        if (store.isClosed()) {
            return;
        }
        depth();
        store.close();
    }
}
