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
 * <p>Thread-safe: capture appends on one thread while the transport reads and acknowledges on others.
 */
public final class AlertSpool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AlertSpool.class);
    private static final String LAST_SEQUENCE = "lastSequence";
    /** Set once the console's high-water mark has been reconciled with this spool (see {@link #reconcile}). */
    private static final String SYNCED = "synced";
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final MVStore store;
    /** Pending records by sequence. The map keeps its first name, "alerts", so older spools open as they are. */
    private final MVMap<Long, byte[]> records;
    private final MVMap<String, Long> meta;
    private final MVMap<Long, byte[]> unreadable;
    private final MVMap<Long, byte[]> refused;
    private final List<Runnable> appendListeners = new CopyOnWriteArrayList<>();
    private volatile ScreenshotSeal seal;

    private AlertSpool(Path file, MVStore store) {
        this.file = file;
        this.store = store;
        this.records = store.openMap("alerts");
        this.meta = store.openMap("meta");
        this.unreadable = store.openMap("unreadable");
        this.refused = store.openMap("refused");
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
            long sequence = lastSequence() + 1;
            records.put(sequence, RecordCodec.encode(record, seal));
            meta.put(LAST_SEQUENCE, sequence);
            commitDurably();
            spooled = new SpooledRecord(sequence, record);
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
        byte[] record = records.remove(sequence);
        if (record == null) {
            return false;
        }
        refused.put(sequence, record);
        commitDurably();
        return true;
    }

    public synchronized long refusedCount() {
        return refused.sizeAsLong();
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
        if (reconciled() && consoleMark <= lastSequence()) {
            ackUpTo(consoleMark);
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
        return meta.getOrDefault(SYNCED, 0L) == 1L;
    }

    public synchronized long depth() {
        return records.sizeAsLong();
    }

    /** The highest sequence ever issued by this spool (0 if none), including acknowledged ones. */
    public synchronized long lastSequence() {
        return meta.getOrDefault(LAST_SEQUENCE, 0L);
    }

    /** Called after each append, on the appending thread; must be quick. */
    public void onAppend(Runnable listener) {
        appendListeners.add(listener);
    }

    @Override
    public synchronized void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }

    private void commitDurably() {
        store.commit();
        store.sync();
    }
}
