package io.vigil.agent.spool;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool's MVStore and its maps, reopened after a failed write.
 *
 * <p>A failed write (disk full, I/O error) makes MVStore close itself for good. This class then reopens the
 * file on the next operation: what was committed before the failure is all there (MVStore never overwrites
 * committed data), the failed operation is refused to its caller (who holds the record and retries), and
 * {@link #writeProblem()} says what is wrong until a write succeeds again, for heartbeats to report.
 *
 * <p>Not thread-safe: {@link AlertSpool} calls it under its own lock. The maps are replaced on reopen, so
 * callers fetch them through the accessors inside each operation and never keep them.
 */
final class RecoveringStore {

    private static final Logger log = LoggerFactory.getLogger(RecoveringStore.class);

    private final Path file;
    private MVStore store;
    /** Pending records by sequence. The map keeps its first name, "alerts", so older spools open as they are. */
    private MVMap<Long, byte[]> records;
    private MVMap<String, Long> meta;
    private MVMap<Long, byte[]> unreadable;
    private MVMap<Long, byte[]> refused;
    private volatile String writeProblem;
    private boolean closed;

    RecoveringStore(Path file, MVStore opened) {
        this.file = file;
        attach(opened);
    }

    private void attach(MVStore opened) {
        this.store = opened;
        this.records = opened.openMap("alerts");
        this.meta = opened.openMap("meta");
        this.unreadable = opened.openMap("unreadable");
        this.refused = opened.openMap("refused");
    }

    MVMap<Long, byte[]> records() {
        return records;
    }

    MVMap<String, Long> meta() {
        return meta;
    }

    MVMap<Long, byte[]> unreadable() {
        return unreadable;
    }

    MVMap<Long, byte[]> refused() {
        return refused;
    }

    /** Runs a read or write; a failure closes the store, records the problem and reopens on the next call. */
    <T> T writing(Supplier<T> operation) {
        ensureOpen();
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

    /** Reopens the file if a failed write closed it; refuses once {@link #close()} was called. */
    void ensureOpen() {
        if (closed) {
            throw new SpoolException("spool " + file + " is closed");
        }
        if (!store.isClosed()) {
            return;
        }
        try {
            attach(SpoolFile.open(file));
        } catch (MVStoreException e) {
            writeProblem = rootMessage(e);
            throw new SpoolException("spool " + file + ": cannot reopen: " + writeProblem, e);
        }
    }

    /** On disk when this returns, across a power cut too. */
    void commitDurably() {
        store.commit();
        store.sync();
    }

    /** Committed, but a power cut may lose it: only for changes whose loss is harmless. */
    void commit() {
        store.commit();
    }

    String writeProblem() {
        return writeProblem;
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        if (closed) {
            return;
        }
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

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
