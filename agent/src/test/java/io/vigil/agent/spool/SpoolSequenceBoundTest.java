package io.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.SpooledRecord;
import io.vigil.agent.testing.Alerts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A console once acknowledged a forged alert with sequence 2^63-1; the spool renumbered its queue above that
 * mark, overflowed into negative sequences that are never sent, and the device fell silent for good.
 */
class SpoolSequenceBoundTest {

    @TempDir
    Path dir;

    @Test
    void aMarkAtTheTopOfTheRangeRenumbersNothingAndLosesNothing() {
        try (AlertSpool spool = AlertSpool.open(dir.resolve("spool.mv.db"))) {
            spool.append(Alerts.sample("a"));
            spool.append(Alerts.sample("b"));
            assertFalse(spool.reconcile(Long.MAX_VALUE), "a new spool must not renumber above a mark it cannot follow");
            assertEquals(List.of(1L, 2L), sequences(spool), "nothing deleted, nothing negative");
            assertEquals(3, spool.append(Alerts.sample("c")).sequence());
        }
    }

    @Test
    void aMarkAboveTheRangeOnAReconciledSpoolDeletesNothing() {
        try (AlertSpool spool = AlertSpool.open(dir.resolve("spool.mv.db"))) {
            spool.reconcile(0);
            spool.append(Alerts.sample("a"));
            spool.append(Alerts.sample("b"));
            spool.reconcile(-1); // 2^64-1 on the wire
            spool.reconcile(AlertSpool.MAX_SEQUENCE + 1);
            assertEquals(List.of(1L, 2L), sequences(spool));
            assertTrue(spool.reconcile(AlertSpool.MAX_SEQUENCE - 2), "a mark inside the range is still followed");
            assertEquals(List.of(AlertSpool.MAX_SEQUENCE - 1, AlertSpool.MAX_SEQUENCE), sequences(spool));
            assertTrue(sequences(spool).stream().allMatch(s -> s > 0));
        }
    }

    private static List<Long> sequences(AlertSpool spool) {
        return spool.pending().stream().map(SpooledRecord::sequence).toList();
    }
}
