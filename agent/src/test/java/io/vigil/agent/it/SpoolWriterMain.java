package io.vigil.agent.it;

import io.vigil.agent.alert.SpooledRecord;
import io.vigil.agent.spool.AlertSpool;
import io.vigil.agent.testing.Alerts;
import java.nio.file.Path;

/**
 * Child process for {@link SpoolKillIT}: appends alerts as fast as it can and reports each one only
 * after {@code append} has returned, until it is killed.
 */
public final class SpoolWriterMain {

    public static void main(String[] args) throws Exception {
        AlertSpool spool = AlertSpool.open(Path.of(args[0]));
        while (true) {
            SpooledRecord spooled = spool.append(Alerts.sample());
            System.out.println("APPENDED " + spooled.sequence() + " " + spooled.record().uuid());
            System.out.flush();
        }
    }
}
