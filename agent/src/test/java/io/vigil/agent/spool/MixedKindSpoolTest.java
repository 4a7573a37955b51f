package io.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.SpooledRecord;
import io.vigil.agent.testing.Alerts;
import io.vigil.agent.testing.Records;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every record kind shares one spool, one sequence space, one Ack and one refusal path. */
class MixedKindSpoolTest {

    @TempDir
    Path dir;

    private final List<DeviceRecord> mixed = List.of(Alerts.sample(), Records.filterEvent(),
            Records.noticeAcceptance(), Records.browsingSummary(), Records.reviewRequest(), Alerts.sample("bullying"));

    @Test
    void everyKindSharesOneSequenceAndSurvivesReopening() {
        Path file = dir.resolve("spool.mv.db");
        try (AlertSpool spool = AlertSpool.open(file)) {
            for (int i = 0; i < mixed.size(); i++) {
                assertEquals(i + 1, spool.append(mixed.get(i)).sequence());
            }
        }
        try (AlertSpool spool = AlertSpool.open(file)) {
            assertEquals(mixed, spool.pending().stream().map(SpooledRecord::record).toList());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), spool.pending().stream().map(SpooledRecord::sequence).toList());
        }
    }

    @Test
    void oneAckCoversEveryKindAndARefusedRecordOfAnyKindIsSetAside() {
        try (AlertSpool spool = AlertSpool.open(dir.resolve("spool.mv.db"))) {
            mixed.forEach(spool::append);
            assertEquals(3, spool.ackUpTo(3));
            assertTrue(spool.setAside(5)); // the review request
            assertEquals(1, spool.refusedCount());
            assertEquals(List.of(mixed.get(3), mixed.get(5)),
                    spool.pending().stream().map(SpooledRecord::record).toList());
        }
    }

    /** A spool file written by an agent from before records had kinds: bare AlertCodec bytes in map "alerts". */
    @Test
    void aSpoolLeftByAnOlderAgentIsDeliveredAndNewKindsFollowItsSequence() {
        Path file = dir.resolve("old.mv.db");
        AlertRecord old = Alerts.sample();
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open()) {
            MVMap<Long, byte[]> alerts = store.openMap("alerts");
            MVMap<String, Long> meta = store.openMap("meta");
            alerts.put(7L, AlertCodec.encode(old));
            meta.put("lastSequence", 7L);
            meta.put("synced", 1L);
            store.commit();
        }
        try (AlertSpool spool = AlertSpool.open(file)) {
            assertEquals(List.of(new SpooledRecord(7, old)), spool.pending());
            assertEquals(8, spool.append(Records.noticeAcceptance()).sequence());
            assertEquals(2, spool.depth());
        }
    }
}
