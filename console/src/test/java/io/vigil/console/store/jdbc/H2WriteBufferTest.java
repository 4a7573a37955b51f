package io.vigil.console.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's H2 database gathers more changed pages before writing them out on its own, and that takes
 * effect on the H2 version the console ships with: if H2 renames the field, or ignores a changed value, this
 * fails instead of ingest silently becoming slower.
 */
class H2WriteBufferTest {

    private static final int ROWS = 20_000;

    @TempDir
    Path dir;

    @Test
    void theThresholdIsAnEighthOfTheHeapAndAtMost192Mb() {
        assertEquals(128 << 20, H2WriteBuffer.bytesFor(1L << 30));
        assertEquals(192 << 20, H2WriteBuffer.bytesFor(8L << 30));
        assertEquals(8 << 20, H2WriteBuffer.bytesFor(64L << 20));
    }

    @Test
    void theConsoleDatabaseOpensWithTheLargerThreshold() throws Exception {
        try (Database db = Database.open(dir); Connection c = db.connection()) {
            int expected = Math.max(H2WriteBuffer.bytesFor(Runtime.getRuntime().maxMemory()), ownThreshold());
            assertEquals(expected, store(c).getAutoCommitMemory());
        }
    }

    @Test
    void aThresholdBelowH2sOwnChangesNothing() throws Exception {
        try (Connection c = open("small")) {
            int own = store(c).getAutoCommitMemory();
            assertEquals(own, H2WriteBuffer.widen(c, 1 << 20));
        }
    }

    @Test
    void theSameRowsAreWrittenOutInFarFewerChunks() throws Exception {
        long atH2sOwn;
        try (Connection c = open("own")) {
            atH2sOwn = chunksWrittenFor(c);
        }
        long widened;
        try (Connection c = open("widened")) {
            assertEquals(H2WriteBuffer.MAX_BYTES, H2WriteBuffer.widen(c, H2WriteBuffer.MAX_BYTES));
            widened = chunksWrittenFor(c);
        }
        assertTrue(atH2sOwn >= 10, "H2's own threshold writes many chunks for " + ROWS + " rows: " + atH2sOwn);
        assertTrue(widened * 4 <= atH2sOwn, "widened: " + widened + " chunks, H2's own: " + atH2sOwn);
    }

    /** Stores {@code ROWS} rows into four indexes, committed every 1,000 rows, and counts H2's store versions. */
    private static long chunksWrittenFor(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table t (id bigint primary key, uuid varchar(36) unique, device varchar(64),"
                    + " seq bigint, who varchar(200))");
            s.execute("create index t_device on t (device, seq)");
            s.execute("create index t_who on t (who, id)");
        }
        c.setAutoCommit(false);
        long before = store(c).getCurrentVersion();
        try (PreparedStatement insert = c.prepareStatement("insert into t values (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < ROWS; i++) {
                insert.setLong(1, i);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, "device-" + (i % 1000));
                insert.setLong(4, i);
                insert.setString(5, "pupil." + (i * 7919 % 1000));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    c.commit();
                }
            }
        }
        return store(c).getCurrentVersion() - before;
    }

    /** H2's timed background write is put off for the test, so only the threshold decides when H2 writes. */
    private Connection open(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(name).toAbsolutePath()
                + ";WRITE_DELAY=1000000", "sa", "");
    }

    private int ownThreshold() throws SQLException {
        try (Connection c = open("reference")) {
            return store(c).getAutoCommitMemory();
        }
    }

    private static MVStore store(Connection c) throws SQLException {
        var session = (org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }
}
