package io.vigil.console.bench;

import io.vigil.console.store.jdbc.Database;
import java.nio.file.Path;
import java.sql.ResultSet;

/**
 * After a load run, with the console stopped: how many alerts the embedded database holds and how many distinct
 * uuids, and the data file's size. Equal counts mean every alert was stored exactly once.
 */
public final class StoredAlertCount {

    private StoredAlertCount() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        try (Database db = Database.open(dataDir); var c = db.connection(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), count(distinct uuid) from alerts")) {
            rs.next();
            System.out.printf("stored %d alerts, %d distinct uuids; data file %,d bytes%n", rs.getLong(1),
                    rs.getLong(2), db.storageBytes());
        }
    }
}
