package io.vigil.console.store.jdbc;

import io.vigil.console.domain.ConsoleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A consistent copy of the embedded database taken while the console keeps running.
 *
 * <p>H2's {@code BACKUP TO} copies the store without locking tables: it stops H2 reusing file space for the
 * length of the copy, so the copy holds every transaction committed before it began (and the ones after it
 * are simply not there). When {@code serve} holds the files, this process reaches them through the
 * auto-server, and the server process writes the zip, which is why the zip goes into the data directory the
 * server already writes to.
 */
public final class H2Backup {

    private H2Backup() {
    }

    /**
     * Writes H2's backup zip (holding {@value Database#H2_FILE}) to {@code zip}, which must be in
     * {@code dataDir} and not exist yet.
     */
    public static void writeZip(Path dataDir, Path zip) {
        if (!Files.isRegularFile(dataDir.resolve(Database.H2_FILE))) {
            throw new ConsoleException(dataDir + " holds no embedded database (" + Database.H2_FILE + "); a console"
                    + " on PostgreSQL is backed up with pg_dump (see README)");
        }
        try (Database db = Database.open(dataDir);
             Connection c = db.connection();
             Statement s = c.createStatement()) {
            // BACKUP TO takes no parameter; the path is ours (a random name in the data directory).
            s.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new ConsoleException("cannot back up the console database: " + e.getMessage(), e);
        }
    }

    /**
     * Forgets the console nodes a restored database lists. Their search indexes were not restored (they are
     * rebuilt), so none of them will drain its outbox again; left registered, each would collect an outbox row
     * for every alert stored from now on. The node that starts on the restored files registers afresh.
     */
    public static void forgetNodesOfRestoredDatabase(Database db) {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from index_outbox");
            s.executeUpdate("delete from console_nodes");
        } catch (SQLException e) {
            throw new ConsoleException("cannot prepare the restored database: " + e.getMessage(), e);
        }
    }
}
