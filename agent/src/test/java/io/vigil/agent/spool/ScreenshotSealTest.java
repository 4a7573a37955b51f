package io.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.Screenshot;
import io.vigil.agent.testing.Alerts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreenshotSealTest {

    @TempDir
    Path dir;

    /** A recognisable "image" so the test can look for it in the spool file's bytes. */
    private static final byte[] IMAGE = "PNG-MARKER-the-pupil's-screen-0123456789".repeat(20)
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aScreenshotIsEncryptedInTheSpoolFileAndComesBackIntact() throws Exception {
        Path file = dir.resolve("spool.mv.db");
        AlertRecord alert = Alerts.sample().withScreenshot(Optional.of(new Screenshot("image/png", IMAGE, 640, 400)));
        try (AlertSpool spool = AlertSpool.open(file)) {
            spool.sealScreenshotsWith(ScreenshotSeal.forSpool(file));
            spool.append(alert);
        }
        String onDisk = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(onDisk.contains("PNG-MARKER"), "screenshot bytes are in the spool in the clear");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("spool.mv.db.key"))));

        try (AlertSpool spool = AlertSpool.open(file)) {
            spool.sealScreenshotsWith(ScreenshotSeal.forSpool(file));
            Screenshot back = ((AlertRecord) spool.pending().getFirst().record()).screenshot().orElseThrow();
            assertArrayEquals(IMAGE, back.data());
            assertEquals(640, back.width());
        }
    }

    @Test
    void withoutASealNoScreenshotIsWrittenAndWithALostKeyTheAlertStillArrives() throws Exception {
        Path file = dir.resolve("spool.mv.db");
        AlertRecord alert = Alerts.sample().withScreenshot(Optional.of(new Screenshot("image/png", IMAGE, 1, 1)));
        try (AlertSpool spool = AlertSpool.open(file)) {
            spool.append(alert); // no seal: dropped, never written in the clear
            spool.sealScreenshotsWith(ScreenshotSeal.forSpool(file));
            spool.append(alert);
        }
        Files.delete(dir.resolve("spool.mv.db.key"));
        try (AlertSpool spool = AlertSpool.open(file)) {
            spool.sealScreenshotsWith(ScreenshotSeal.forSpool(file)); // a new key: the old image is unreadable
            var pending = spool.pending();
            assertEquals(2, pending.size());
            assertTrue(pending.stream().allMatch(p -> ((AlertRecord) p.record()).screenshot().isEmpty()));
            assertEquals(alert.snippet(), ((AlertRecord) pending.get(1).record()).snippet());
        }
    }
}
