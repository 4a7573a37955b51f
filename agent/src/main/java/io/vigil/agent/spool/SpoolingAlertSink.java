package io.vigil.agent.spool;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.SpooledAlert;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where raised alerts go: straight into the spool, durably, before anything tries to send them.
 * Logs category, severity and sequence only; the snippet is sensitive and never logged.
 */
public final class SpoolingAlertSink implements Consumer<AlertRecord> {

    private static final Logger log = LoggerFactory.getLogger(SpoolingAlertSink.class);

    private final AlertSpool spool;

    public SpoolingAlertSink(AlertSpool spool) {
        this.spool = spool;
    }

    @Override
    public void accept(AlertRecord alert) {
        SpooledAlert spooled = spool.append(alert);
        log.info("alert raised {} severity {} seq {}", alert.category(), alert.severity(), spooled.sequence());
    }
}
