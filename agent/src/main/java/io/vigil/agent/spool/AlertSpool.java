package io.vigil.agent.spool;

import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.SpooledRecord;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records waiting for the console (alerts, and every other {@link DeviceRecord} kind: filter events,
 * notice acceptances, browsing summaries, review requests), in an H2 MVStore file. All kinds share one
 * per-device sequence space and the same rules: a record is on disk before {@link #append} returns and
 * leaves only when the console acknowledges its sequence, so nothing the agent raised is lost to a
 * crash, a kill -9 or a long outage. (The class keeps the name it had when alerts were the only kind.)
 *
 * <p>Auto-commit is off: MVStore's background commit would make durability depend on timing. Each
 * append commits and syncs explicitly (alerts are rare, the fsync is cheap at that rate).
 *
 * <p>A failed write (disk full, I/O error) makes MVStore close itself for good. The spool then reopens the
 * file on its next operation: what was committed before the failure is all there, the failed record is
 * refused to its caller (who holds it and retries), and {@link #writeProblem()} says what is wrong until a
 * write succeeds again, for heartbeats to report.
 *
 * <p>Thread-safe: capture appends on one thread while the transport reads and acknowledges on others.
 */
public final class AlertSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertSpool.class);
    private static final String LAST_SEQUENCE = "lastSequence";
    /** Set once the console's high-water mark has been reconciled with this spool (see {@link #reconcile}). */
    private static final String SYNCED = "synced";
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * The largest sequence this spool issues, the same bound the console enforces. Far below 2^63, so
     * renumbering a whole spool above a mark can never overflow into negative numbers that are never sent
     * (which once silenced a device for good), and exact in a JSON number.
     */
    public static final long MAX_SEQUENCE = 1L << 53;

    private final Path file;
    // The store and its maps are replaced when the file is reopened after a failed write; guarded by this.
    private MVStore store;
    /** Pending records by sequence. The map keeps its first name, "alerts", so older spools open as they are. */
    private MVMap<Long, byte[]> records;
    private MVMap<String, Long> meta;
    private MVMap<Long, byte[]> unreadable;
    private MVMap<Long, byte[]> refused;
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();
    private volatile ScreenshotSeal seal;
    private volatile String writeProblem;
    private volatile long depthSeen;
    private volatile long refusedSeen;
    private boolean closed;

    private AlertSpool(Path file, MVStore store) {
        this.file = file;
        attach(store);
    }

    private void attach(MVStore opened) {
        this.store = opened;
        this.records = opened.openMap("alerts");
        this.meta = opened.openMap("meta");
        this.unreadable = opened.openMap("unreadable");
        this.refused = opened.openMap("refused");
        depthSeen = records.sizeAsLong();
        refusedSeen = refused.sizeAsLong();
    }

    /**
     * Opens or creates the spool. A file MVStore cannot read is not deleted: it is moved aside to
     * {@code <file>.corrupt-<time>} (its alerts may still be recoverable by hand) and a new spool is
     * started with a loud ERROR, because an agent that stops capturing protects nobody.
     *
     * @throws SpoolException if the file is locked by another agent or cannot be created
     */
    public static AlertSpool open(Path file, Clock clock) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SpoolException("spool " + file + ": cannot create directory: " + e.getMessage(), e);
        }
        try {
            return new AlertSpool(file, openStore(file));
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new SpoolException("spool " + file + " is in use by another Vigil agent process", e);
            }
            if (e.getErrorCode() == DataUtils.ERROR_WRITING_FAILED || !Files.isRegularFile(file)) {
                throw new SpoolException("spool " + file + ": cannot open: " + e.getMessage(), e);
            }
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + ASIDE.format(clock.instant()));
            log.error("spool {} is unreadable ({}); moved it to {} and started a new spool. "
                    + "Alerts still in the old file were NOT delivered; recover them from that file.",
                    file, e.getMessage(), aside);
            try {
                Files.move(file, aside);
                return new AlertSpool(file, openStore(file));
            } catch (IOException | MVStoreException again) {
                throw new SpoolException("spool " + file + " is corrupt and could not be replaced: "
                        + again.getMessage(), again);
            }
        }
    }

    public static AlertSpool open(Path file) {
        return open(file, Clock.systemUTC());
    }

    private static MVStore openStore(Path file) {
        ownerOnly(file);
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    }

    /**
     * The spool holds alert snippets, so on POSIX systems it is made readable by its owner only (a new
     * file is created that way; an existing one is tightened). MVStore itself creates files with the
     * umask, usually world-readable. Failing to restrict is logged, not fatal: capture matters more.
     */
    private static void ownerOnly(Path file) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // Windows: the file inherits the ACL of the directory the installer secured
        }
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        try {
            if (Files.notExists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(owner)); // MVStore accepts an empty file
            } else if (!Files.getPosixFilePermissions(file).equals(owner)) {
                Files.setPosixFilePermissions(file, owner);
            }
        } catch (FileAlreadyExistsException e) {
            ownerOnly(file);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("spool {}: cannot make it readable by its owner only ({}); alert snippets in it may be "
                    + "readable by other users of this device", file, e.toString());
        }
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
            spooled = writing(() -> {
                long sequence = lastSequence() + 1;
                if (sequence > MAX_SEQUENCE) {
                    throw new SpoolException("spool " + file + " has used every sequence up to " + MAX_SEQUENCE);
                }
                records.put(sequence, RecordCodec.encode(record, seal));
                meta.put(LAST_SEQUENCE, sequence);
                commitDurably();
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
        return writing(() -> readPending(sequence, limit));
    }

    private List<SpooledRecord> readPending(long sequence, int limit) {
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
            bad.forEach(seq -> unreadable.put(seq, records.remove(seq)));
            commitDurably();
        }
        return result;
    }

    /** Deletes every record, of any kind, with a sequence up to and including {@code sequence}; returns how many. */
    public synchronized int ackUpTo(long sequence) {
        return writing(() -> removeUpTo(sequence));
    }

    private int removeUpTo(long sequence) {
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
        return writing(() -> {
            byte[] record = records.remove(sequence);
            if (record == null) {
                return false;
            }
            refused.put(sequence, record);
            commitDurably();
            return true;
        });
    }

    /** Never throws: while the file cannot be read, the count last seen (heartbeats must still go out). */
    public synchronized long refusedCount() {
        try {
            reopenIfClosed();
            refusedSeen = refused.sizeAsLong();
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
        return writing(() -> applyMark(consoleMark));
    }

    private boolean applyMark(long consoleMark) {
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
            meta.put(LAST_SEQUENCE, next);
            log.warn("spool {}: console already holds sequences up to {} for this device; renumbered {} pending "
                    + "record(s) to follow it", file, consoleMark, values.size());
        } else if (consoleMark > lastSequence()) {
            meta.put(LAST_SEQUENCE, consoleMark);
        }
        meta.put(SYNCED, 1L);
        commitDurably();
        return renumber;
    }

    /** Whether a console high-water mark has ever been applied to this spool (see {@link #reconcile}). */
    public synchronized boolean reconciled() {
        reopenIfClosed();
        return meta.getOrDefault(SYNCED, 0L) == 1L;
    }

    /** Never throws: while the file cannot be read (or after close), the depth last seen. */
    public synchronized long depth() {
        try {
            reopenIfClosed();
            depthSeen = records.sizeAsLong();
        } catch (RuntimeException e) {
            log.debug("spool {}: depth unavailable: {}", file, e.toString());
        }
        return depthSeen;
    }

    /** The highest sequence ever issued by this spool (0 if none), including acknowledged ones. */
    public synchronized long lastSequence() {
        reopenIfClosed();
        return meta.getOrDefault(LAST_SEQUENCE, 0L);
    }

    /**
     * Why the last write failed ("No space left on device"), or null when writes work: set by a failed write,
     * cleared by the next one that succeeds. Heartbeats carry it to the console.
     */
    public String writeProblem() {
        return writeProblem;
    }

    /**
     * Runs a read or write. If MVStore fails it closes itself; the spool notes the problem and reopens the file
     * on the next call, which finds every earlier commit intact (MVStore never overwrites committed data).
     */
    private <T> T writing(java.util.function.Supplier<T> operation) {
        reopenIfClosed();
        try {
            T result = operation.get();
            if (writeProblem != null) {
                log.warn("spool {} can be written again", file);
                writeProblem = null;
            }
            return result;
        } catch (MVStoreException | IllegalStateException e) {
            String problem = rootMessage(e);
            if (writeProblem == null) {
                log.error("spool {} cannot be written: {}", file, problem);
            }
            writeProblem = problem;
            store.closeImmediately();
            throw new SpoolException("spool " + file + ": cannot write: " + problem, e);
        }
    }

    private void reopenIfClosed() {
        if (closed) {
            throw new SpoolException("spool " + file + " is closed");
        }
        if (!store.isClosed()) {
            return;
        }
        try {
            attach(openStore(file));
        } catch (MVStoreException e) {
            writeProblem = rootMessage(e);
            throw new SpoolException("spool " + file + ": cannot reopen: " + writeProblem, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    /** Called after each append, on the appending thread; must be quick. */
    public void onAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        depth();
        closed = true;
        if (!store.isClosed()) {
            try {
                store.close();
            } catch (MVStoreException | IllegalStateException e) {
                // What was committed is safe on disk; only the final housekeeping write failed.
                log.warn("spool {}: closing failed: {}", file, rootMessage(e));
                store.closeImmediately();
            }
        }
    }

    private void commitDurably() {
        store.commit();
        store.sync();
    }
}
