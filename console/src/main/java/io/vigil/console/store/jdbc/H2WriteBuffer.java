package io.vigil.console.store.jdbc;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets embedded H2 gather more changed pages in memory before it writes them to its file on its own.
 *
 * <p>H2's store writes a new chunk of every changed page whenever the changes it has counted pass a threshold
 * that H2 fixes at 19 MB and offers no setting for. It counts a whole copied page for every row written into
 * every index, so a flood of alerts passed it every 80 or so alerts: about 1,200 chunks per 100,000 alerts, each
 * rewriting whole index pages that the next 80 alerts changed again. That was a quarter of the console's CPU
 * and most of the 1 GB the data file grew per 100,000 alerts ({@code bench/agent-load.sh}, README). A larger
 * threshold writes each page once for many alerts instead.
 *
 * <p>This changes no guarantee: an acknowledged alert is written and synced by its own durable commit
 * ({@link Jdbc#durableTransaction}), whatever H2 would have written meanwhile. It costs heap: up to the threshold
 * of changed pages held between writes, so the threshold is an eighth of the heap, at most {@link #MAX_BYTES}.
 *
 * <p>The threshold is a private field of H2's {@code MVStore}; should a later H2 rename it, the console logs so
 * once and runs at H2's own threshold (slower, equally safe), and {@code H2WriteBufferTest} fails the build.
 */
final class H2WriteBuffer {

    private static final Logger LOG = LoggerFactory.getLogger(H2WriteBuffer.class);
    static final int MAX_BYTES = 192 * 1024 * 1024;

    private H2WriteBuffer() {
    }

    /** The threshold for a heap of {@code maxHeap} bytes: an eighth of it, at most {@link #MAX_BYTES}. */
    static int bytesFor(long maxHeap) {
        return (int) Math.min(MAX_BYTES, maxHeap / 8);
    }

    /**
     * Raises the threshold of the H2 database behind {@code c} to {@code bytes} if that is above H2's own.
     *
     * @return the threshold now in force, or -1 if it could not be read or changed (nothing was changed)
     */
    static int widen(Connection c, int bytes) {
        try {
            var embedded = Database.embeddedStore(c);
            if (embedded.isEmpty()) {
                return -1;
            }
            org.h2.mvstore.MVStore store = embedded.get().getMvStore();
            int own = store.getAutoCommitMemory();
            if (own < bytes) {
                Field threshold = org.h2.mvstore.MVStore.class.getDeclaredField("autoCommitMemory");
                threshold.setAccessible(true);
                threshold.setInt(store, bytes);
                LOG.info("H2 writes changed pages to its file after {} MB of changes (its own setting: {} MB)",
                        bytes >> 20, own >> 20);
            }
            return store.getAutoCommitMemory();
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not enlarge H2's write buffer ({}); storing alerts at H2's own setting, which is slower",
                    e.toString());
            return -1;
        }
    }
}
