package io.vigil.console.health;

import java.time.Duration;

/** Asks the database whether it answers, without waiting behind the console's own work for a connection. */
@FunctionalInterface
public interface DatabaseProbe {

    /** Never takes much longer than {@code timeout}; a database that does not answer is reported, not thrown. */
    DatabaseCheck check(Duration timeout);
}
