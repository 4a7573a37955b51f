package io.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.SpooledAlert;
import io.vigil.agent.testing.Alerts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpoolingAlertSinkTest {

    /** A spool whose disk can be made full; in memory, for speed (AlertSpoolTest covers the real file). */
    private static final class FlakySpool implements SpoolingAlertSink.Spooler {
        final List<AlertRecord> stored = new ArrayList<>();
        boolean diskFull;

        @Override
        public SpooledAlert append(AlertRecord alert) {
            if (diskFull) {
                throw new IllegalStateException("No space left on device");
            }
            stored.add(alert);
            return new SpooledAlert(stored.size(), alert);
        }
    }

    @Test
    void aSpoolThatRefusesWritesDoesNotStopCaptureAndHeldAlertsAreStoredInOrderLater() {
        FlakySpool spool = new FlakySpool();
        SpoolingAlertSink sink = new SpoolingAlertSink(spool);
        AlertRecord first = Alerts.sample("suicide");
        AlertRecord second = Alerts.sample("grooming");
        AlertRecord third = Alerts.sample("bullying");

        spool.diskFull = true;
        sink.accept(first); // must not throw into the capture thread
        sink.accept(second);
        assertEquals(2, sink.held());

        spool.diskFull = false;
        sink.accept(third);
        assertEquals(0, sink.held());
        assertEquals(List.of(first, second, third), spool.stored);
    }

    @Test
    void theMemoryBacklogIsBounded() {
        FlakySpool spool = new FlakySpool();
        spool.diskFull = true;
        SpoolingAlertSink sink = new SpoolingAlertSink(spool);
        for (int i = 0; i < SpoolingAlertSink.MAX_HELD + 50; i++) {
            sink.accept(Alerts.sample());
        }
        assertEquals(SpoolingAlertSink.MAX_HELD, sink.held());
    }
}
