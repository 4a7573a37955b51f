package io.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.SpooledRecord;
import io.vigil.agent.testing.Alerts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertSpoolTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("spool.mv.db");
    }

    @Test
    void appendsGetIncreasingSequencesAndComeBackInOrder() {
        try (AlertSpool spool = AlertSpool.open(file())) {
            AlertRecord a = Alerts.sample("a");
            AlertRecord b = Alerts.sample("b");
            AlertRecord c = Alerts.sample("c");
            assertEquals(1, spool.append(a).sequence());
            assertEquals(2, spool.append(b).sequence());
            assertEquals(3, spool.append(c).sequence());
            assertEquals(List.of(new SpooledRecord(1, a), new SpooledRecord(2, b), new SpooledRecord(3, c)),
                    spool.pending());
            assertEquals(3, spool.depth());
            assertEquals(List.of(new SpooledRecord(3, c)), spool.pendingAfter(2, 10));
            assertEquals(List.of(new SpooledRecord(1, a)), spool.pendingAfter(0, 1));
        }
    }

    @Test
    void ackDeletesEverythingUpToTheSequenceOnly() {
        try (AlertSpool spool = AlertSpool.open(file())) {
            for (int i = 0; i < 5; i++) {
                spool.append(Alerts.sample());
            }
            assertEquals(3, spool.ackUpTo(3));
            assertEquals(List.of(4L, 5L), spool.pending().stream().map(SpooledRecord::sequence).toList());
            assertEquals(0, spool.ackUpTo(3));
            assertEquals(2, spool.depth());
        }
    }

    @Test
    void alertsAndTheSequenceCounterSurviveReopening() {
        AlertRecord kept = Alerts.sample();
        try (AlertSpool spool = AlertSpool.open(file())) {
            spool.append(Alerts.sample());
            spool.append(kept);
            spool.ackUpTo(1);
        }
        try (AlertSpool spool = AlertSpool.open(file())) {
            assertEquals(List.of(new SpooledRecord(2, kept)), spool.pending());
            spool.ackUpTo(2);
        }
        try (AlertSpool spool = AlertSpool.open(file())) {
            assertEquals(0, spool.depth());
            assertEquals(2, spool.lastSequence());
            assertEquals(3, spool.append(Alerts.sample()).sequence(), "sequence never goes back");
        }
    }

    @Test
    void listenersHearOfEachAppend() {
        try (AlertSpool spool = AlertSpool.open(file())) {
            AtomicInteger heard = new AtomicInteger();
            spool.onAppend(heard::incrementAndGet);
            spool.append(Alerts.sample());
            spool.append(Alerts.sample());
            assertEquals(2, heard.get());
        }
    }

    @Test
    void aSecondAgentOnTheSameSpoolIsRefused() {
        try (AlertSpool spool = AlertSpool.open(file())) {
            var e = assertThrows(SpoolException.class, () -> AlertSpool.open(file()));
            assertEquals("spool " + file() + " is in use by another Vigil agent process", e.getMessage());
        }
    }

    @Test
    void aCorruptSpoolIsMovedAsideNotDeletedAndANewOneStarts() throws Exception {
        byte[] garbage = "this is not an MVStore file, just garbage ".repeat(200).getBytes();
        Files.write(file(), garbage);
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:11:12Z"), ZoneOffset.UTC);
        try (AlertSpool spool = AlertSpool.open(file(), clock)) {
            assertEquals(0, spool.depth());
            assertEquals(1, spool.append(Alerts.sample()).sequence());
        }
        Path aside = dir.resolve("spool.mv.db.corrupt-20261123T101112Z");
        assertTrue(Files.exists(aside));
        assertEquals(List.of(garbage.length), List.of((int) Files.size(aside)));
    }

    @Test
    void theFirstMarkOfANewSpoolRenumbersPendingAlertsAboveIt() {
        // A new spool (e.g. after corruption) restarts at 1, but the console already holds 1..50 for this
        // device: acknowledging with 50 would delete alerts never sent.
        try (AlertSpool spool = AlertSpool.open(file())) {
            AlertRecord a = Alerts.sample();
            AlertRecord b = Alerts.sample();
            spool.append(a);
            spool.append(b);
            assertTrue(spool.reconcile(50));
            assertEquals(List.of(new SpooledRecord(51, a), new SpooledRecord(52, b)), spool.pending());
            assertEquals(53, spool.append(Alerts.sample()).sequence());
        }
    }

    @Test
    void afterReconciliationTheMarkActsAsAnAcknowledgement() {
        try (AlertSpool spool = AlertSpool.open(file())) {
            assertFalse(spool.reconcile(0));
            spool.append(Alerts.sample());
            spool.append(Alerts.sample());
            spool.append(Alerts.sample());
        }
        try (AlertSpool spool = AlertSpool.open(file())) {
            assertFalse(spool.reconcile(2)); // crashed after the console stored 1..2, before seeing the Ack
            assertEquals(List.of(3L), spool.pending().stream().map(SpooledRecord::sequence).toList());
        }
    }

    @Test
    void aMarkOnAnEmptyNewSpoolMovesTheCounterPastIt() {
        try (AlertSpool spool = AlertSpool.open(file())) {
            assertFalse(spool.reconcile(40));
            assertEquals(41, spool.append(Alerts.sample()).sequence());
        }
    }

    @Test
    void anAckBeforeTheFirstMarkDoesNotMakeTheConsolesMarkAnAcknowledgement() {
        // A new spool (the old one was corrupt) whose first session timed out waiting for the mark sent
        // seq 1, which was acknowledged. Offline, it raised 150 more. The console's mark, 100, still
        // counts the OLD spool's alerts: treating it as an Ack would delete 2..100, never sent.
        try (AlertSpool spool = AlertSpool.open(file())) {
            spool.append(Alerts.sample());
            spool.ackUpTo(1);
            List<AlertRecord> offline = new java.util.ArrayList<>();
            for (int i = 0; i < 150; i++) {
                offline.add(Alerts.sample());
                spool.append(offline.getLast());
            }
            assertTrue(spool.reconcile(100));
            List<SpooledRecord> pending = spool.pending();
            assertEquals(offline, pending.stream().map(SpooledRecord::record).toList());
            assertTrue(pending.getFirst().sequence() > 100, "renumbered above the mark: " + pending.getFirst());
        }
    }

    @Test
    void onlyAHighWaterMarkReconcilesTheSpool() {
        try (AlertSpool spool = AlertSpool.open(file())) {
            assertFalse(spool.reconciled());
            spool.append(Alerts.sample());
            spool.ackUpTo(1);
            assertFalse(spool.reconciled(), "an Ack says nothing about the console's sequence space");
            spool.reconcile(1);
        }
        try (AlertSpool spool = AlertSpool.open(file())) {
            assertTrue(spool.reconciled(), "survives a restart");
        }
    }

    @Test
    void aRefusedAlertIsSetAsideKeptAcrossReopeningAndNoLongerPending() {
        try (AlertSpool spool = AlertSpool.open(file())) {
            spool.append(Alerts.sample("a"));
            spool.append(Alerts.sample("b"));
            assertTrue(spool.setAside(1));
            assertFalse(spool.setAside(1), "already set aside");
            assertEquals(List.of(2L), spool.pending().stream().map(SpooledRecord::sequence).toList());
        }
        try (AlertSpool reopened = AlertSpool.open(file())) {
            assertEquals(1, reopened.refusedCount());
            assertEquals(1, reopened.depth());
        }
    }

    @Test
    void theSpoolFileIsReadableByItsOwnerOnly() throws Exception {
        // It holds alert snippets: on a shared laptop another pupil must not be able to read them.
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        try (AlertSpool spool = AlertSpool.open(file())) {
            spool.append(Alerts.sample());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));

        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--")); // an older install
        try (AlertSpool spool = AlertSpool.open(file())) {
            assertEquals(1, spool.depth());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
    }
}
