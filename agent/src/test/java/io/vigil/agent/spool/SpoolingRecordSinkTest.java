package io.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.NoticeAcceptanceRecord;
import io.vigil.agent.alert.SpooledRecord;
import java.time.Instant;
import io.vigil.agent.testing.Alerts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpoolingRecordSinkTest {

    /** A spool whose disk can be made full; in memory, for speed (AlertSpoolTest covers the real file). */
    private static final class FlakySpool implements SpoolingRecordSink.Spooler {
        final List<DeviceRecord> stored = new ArrayList<>();
        boolean diskFull;

        @Override
        public SpooledRecord append(DeviceRecord record) {
            if (diskFull) {
                throw new IllegalStateException("No space left on device");
            }
            stored.add(record);
            return new SpooledRecord(stored.size(), record);
        }
    }

    @Test
    void aSpoolThatRefusesWritesDoesNotStopCaptureAndHeldAlertsAreStoredInOrderLater() {
        FlakySpool spool = new FlakySpool();
        SpoolingRecordSink sink = new SpoolingRecordSink(spool);
        AlertRecord first = Alerts.sample("suicide");
        AlertRecord second = Alerts.sample("grooming");
        DeviceRecord third = NoticeAcceptanceRecord.of("j.smith", "v1", "pupils", Instant.EPOCH);

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
        SpoolingRecordSink sink = new SpoolingRecordSink(spool);
        for (int i = 0; i < SpoolingRecordSink.MAX_HELD + 50; i++) {
            sink.accept(Alerts.sample());
        }
        assertEquals(SpoolingRecordSink.MAX_HELD, sink.held());
    }
}
