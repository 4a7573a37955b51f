package io.vigil.console.store.jdbc;

import java.sql.SQLException;

/** The database failed (disk full, file locked, bug). Not expected in normal operation. */
public final class StoreException extends RuntimeException {

    StoreException(SQLException cause) {
        super("database error: " + cause.getMessage(), cause);
    }
}
