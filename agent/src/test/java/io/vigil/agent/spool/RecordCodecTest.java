package io.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.testing.Alerts;
import io.vigil.agent.testing.Records;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    @Test
    void everyKindSurvivesARoundTrip() throws IOException {
        for (DeviceRecord r : List.of(Alerts.sample().withLanguage("pl"), Records.filterEvent(),
                Records.noticeAcceptance(), Records.browsingSummary(), Records.reviewRequest(),
                io.vigil.agent.alert.TamperEventRecord.of(io.vigil.agent.alert.TamperEventRecord.Kind.CONFIG_CHANGED,
                        "the agent config file /etc/vigil/agent.properties changed", "pupil.one",
                        java.time.Instant.parse("2026-12-02T10:00:00Z")))) {
            assertEquals(r, RecordCodec.decode(RecordCodec.encode(r, null), null), r.kind());
        }
    }

    @Test
    void newRecordsCarryTheKindTag() {
        assertEquals(RecordCodec.KINDED, RecordCodec.encode(Records.filterEvent(), null)[0]);
        assertEquals(RecordCodec.FILTER_EVENT, RecordCodec.encode(Records.filterEvent(), null)[1]);
        assertEquals(RecordCodec.ALERT, RecordCodec.encode(Alerts.sample(), null)[1]);
    }

    /** The bytes spools held before records had kinds are exactly AlertCodec's formats 1, 2 and 3. */
    @Test
    void alertsSpooledInEveryOlderFormatStillDecode() throws IOException {
        AlertRecord a = Alerts.sample();
        byte[] format3 = AlertCodec.encode(a);
        assertEquals(3, format3[0]);
        // Format 2 is format 3 without the trailing language (writeUTF of "" is two zero bytes);
        // format 1 is format 2 without the screenshot flag (one false byte).
        byte[] format2 = Arrays.copyOf(format3, format3.length - 2);
        format2[0] = 2;
        byte[] format1 = Arrays.copyOf(format3, format3.length - 3);
        format1[0] = 1;
        for (byte[] old : List.of(format1, format2, format3)) {
            assertEquals(a, RecordCodec.decode(old, null), "format " + old[0]);
        }
    }

    @Test
    void unknownKindsAndFormatsAreRefusedNotGuessed() {
        assertThrows(IOException.class, () -> RecordCodec.decode(new byte[0], null));
        assertThrows(IOException.class, () -> RecordCodec.decode(new byte[] {RecordCodec.KINDED}, null));
        assertThrows(IOException.class, () -> RecordCodec.decode(new byte[] {RecordCodec.KINDED, 99, 1}, null));
        assertThrows(IOException.class, () -> RecordCodec.decode(new byte[] {9, 1, 2}, null));
        byte[] future = RecordCodec.encode(Records.noticeAcceptance(), null);
        future[2] = 7; // a body version this agent does not know
        assertThrows(IOException.class, () -> RecordCodec.decode(future, null));
        byte[] truncated = Arrays.copyOf(RecordCodec.encode(Records.reviewRequest(), null), 12);
        assertThrows(IOException.class, () -> RecordCodec.decode(truncated, null));
    }
}
