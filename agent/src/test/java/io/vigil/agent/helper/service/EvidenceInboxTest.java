package io.vigil.agent.helper.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.config.CaptureSettings;
import io.vigil.agent.evidence.ScreenshotPolicy;
import io.vigil.agent.helper.wire.HelperCodec;
import io.vigil.agent.helper.wire.HelperMessage.EvidenceChunk;
import io.vigil.agent.helper.wire.HelperMessage.EvidenceStart;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/** A helper's screenshot arriving in chunks: only a whole, well-formed, allowed one for its own alert is kept. */
class EvidenceInboxTest {

    private static final int CHUNK = HelperCodec.EVIDENCE_CHUNK_BYTES;
    private static final ScreenshotPolicy ALL_FROM_3 = new ScreenshotPolicy(new CaptureSettings(true, true,
            Duration.ofSeconds(1), List.of(), Set.of(), Set.of(CaptureSettings.ALL), 3, Set.of()));

    private final Semaphore budget = new Semaphore(2 * HelperCodec.MAX_EVIDENCE_BYTES);
    private final EvidenceInbox inbox = inbox(ALL_FROM_3);

    private EvidenceInbox inbox(ScreenshotPolicy policy) {
        return new EvidenceInbox("pupil.one", policy, budget, new RateLimit(100, 1, () -> 0));
    }

    /** A PNG signature and IHDR for width x height, padded to {@code size} bytes (the rest is not looked at). */
    static byte[] png(int width, int height, int size) {
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        b.putInt(13).putInt(0x49484452).putInt(width).putInt(height);
        for (int i = b.position(); i < size; i++) {
            b.put((byte) i);
        }
        return b.array();
    }

    static AlertRecord alert(UUID uuid, String category, int severity) {
        return new AlertRecord(uuid, category, severity, 10, List.of("r-1"), "a bounded snippet", "chromium", "Chat",
                "", "pupil.one", Instant.now(), "keyboard", "sha256:x");
    }

    private static int chunks(byte[] data) {
        return (data.length + CHUNK - 1) / CHUNK;
    }

    private void send(UUID uuid, byte[] data, int width, int height) {
        inbox.start(new EvidenceStart(uuid.toString(), "image/png", width, height, data.length, chunks(data)));
        for (int i = 0; i < chunks(data); i++) {
            inbox.chunk(new EvidenceChunk(uuid.toString(), i,
                    Arrays.copyOfRange(data, i * CHUNK, Math.min(data.length, (i + 1) * CHUNK))));
        }
    }

    @Test
    void aWholeScreenshotIsAttachedToTheAlertThatFollowsItAndItsBytesReturnToTheBudget() {
        UUID uuid = UUID.randomUUID();
        byte[] data = png(1280, 1024, 3 * CHUNK + 17);
        send(uuid, data, 1280, 1024);
        assertTrue(budget.availablePermits() < 2 * HelperCodec.MAX_EVIDENCE_BYTES, "held while it waits");
        AlertRecord kept = inbox.attach(alert(uuid, "self_harm", 4));
        assertArrayEquals(data, kept.screenshot().orElseThrow().data());
        assertEquals(1280, kept.screenshot().get().width());
        assertEquals(2 * HelperCodec.MAX_EVIDENCE_BYTES, budget.availablePermits());
        assertTrue(inbox.attach(alert(UUID.randomUUID(), "self_harm", 4)).screenshot().isEmpty(), "used up");
    }

    @Test
    void aScreenshotForASexualCategoryIsDroppedWhateverTheHelperSaysAndTheAlertIsKept() {
        for (String category : CaptureSettings.NEVER_IMAGERY) {
            UUID uuid = UUID.randomUUID();
            send(uuid, png(640, 480, 100), 640, 480);
            AlertRecord kept = inbox.attach(alert(uuid, category, 5));
            assertEquals(uuid, kept.uuid());
            assertTrue(kept.screenshot().isEmpty(), category);
        }
        UUID low = UUID.randomUUID();
        send(low, png(640, 480, 100), 640, 480);
        assertTrue(inbox.attach(alert(low, "self_harm", 2)).screenshot().isEmpty(), "below the school's severity");
    }

    @Test
    void aScreenshotAnnouncedForAnotherAlertIsNotAttachedToThisOne() {
        send(UUID.randomUUID(), png(640, 480, 100), 640, 480);
        assertTrue(inbox.attach(alert(UUID.randomUUID(), "self_harm", 4)).screenshot().isEmpty());
        assertEquals(2 * HelperCodec.MAX_EVIDENCE_BYTES, budget.availablePermits());
    }

    @Test
    void chunksOutOfOrderOrOfTheWrongSizeOrForAnotherAlertDropTheScreenshot() {
        UUID uuid = UUID.randomUUID();
        byte[] data = png(640, 480, 2 * CHUNK + 5);
        EvidenceStart start = new EvidenceStart(uuid.toString(), "image/png", 640, 480, data.length, 3);
        List<Runnable> faults = List.of(
                () -> inbox.chunk(new EvidenceChunk(uuid.toString(), 1, Arrays.copyOfRange(data, CHUNK, 2 * CHUNK))),
                () -> inbox.chunk(new EvidenceChunk(uuid.toString(), 0, Arrays.copyOfRange(data, 0, CHUNK - 1))),
                () -> inbox.chunk(new EvidenceChunk(UUID.randomUUID().toString(), 0, Arrays.copyOfRange(data, 0, CHUNK))),
                () -> inbox.chunk(new EvidenceChunk(uuid.toString(), 0, new byte[CHUNK + 1])));
        for (Runnable fault : faults) {
            inbox.start(start);
            fault.run();
            for (int i = 0; i < 3; i++) { // the rest, correct, arrives in vain
                inbox.chunk(new EvidenceChunk(uuid.toString(), i,
                        Arrays.copyOfRange(data, i * CHUNK, Math.min(data.length, (i + 1) * CHUNK))));
            }
            assertTrue(inbox.attach(alert(uuid, "self_harm", 4)).screenshot().isEmpty());
            assertEquals(2 * HelperCodec.MAX_EVIDENCE_BYTES, budget.availablePermits());
        }
    }

    @Test
    void anIncompleteScreenshotIsNotAttachedAndOneLeftAtDisconnectIsReleased() {
        UUID uuid = UUID.randomUUID();
        byte[] data = png(640, 480, 2 * CHUNK);
        inbox.start(new EvidenceStart(uuid.toString(), "image/png", 640, 480, data.length, 2));
        inbox.chunk(new EvidenceChunk(uuid.toString(), 0, Arrays.copyOfRange(data, 0, CHUNK)));
        assertTrue(inbox.attach(alert(uuid, "self_harm", 4)).screenshot().isEmpty());
        inbox.start(new EvidenceStart(uuid.toString(), "image/png", 640, 480, data.length, 2));
        inbox.discard("the connection ended");
        assertEquals(2 * HelperCodec.MAX_EVIDENCE_BYTES, budget.availablePermits());
    }

    @Test
    void oversizeMalformedOrNonPngScreenshotsAreRefused() {
        UUID uuid = UUID.randomUUID();
        String id = uuid.toString();
        int max = HelperCodec.MAX_EVIDENCE_BYTES;
        for (EvidenceStart bad : List.of(
                new EvidenceStart(id, "image/png", 640, 480, max + 1, (max + CHUNK) / CHUNK),
                new EvidenceStart(id, "image/png", 640, 480, 0, 0),
                new EvidenceStart(id, "image/png", 640, 480, 100, 2),
                new EvidenceStart(id, "image/png", 5000, 480, 100, 1),
                new EvidenceStart(id, "image/svg+xml", 640, 480, 100, 1),
                new EvidenceStart("not-a-uuid", "image/png", 640, 480, 100, 1))) {
            inbox.start(bad);
            inbox.chunk(new EvidenceChunk(id, 0, png(640, 480, 100)));
            assertTrue(inbox.attach(alert(uuid, "self_harm", 4)).screenshot().isEmpty(), bad::toString);
        }
        byte[] gif = png(640, 480, 100);
        gif[1] = 'G';
        send(uuid, gif, 640, 480);
        assertTrue(inbox.attach(alert(uuid, "self_harm", 4)).screenshot().isEmpty(), "not a PNG");
        send(uuid, png(800, 600, 100), 640, 480);
        assertTrue(inbox.attach(alert(uuid, "self_harm", 4)).screenshot().isEmpty(), "not the announced size");
        assertEquals(2 * HelperCodec.MAX_EVIDENCE_BYTES, budget.availablePermits());
    }

    @Test
    void aSchoolWithoutScreenshotsTakesNoneAndTheBudgetAndRateBoundWhatIsHeld() {
        UUID uuid = UUID.randomUUID();
        EvidenceInbox off = inbox(new ScreenshotPolicy(CaptureSettings.DEFAULTS));
        off.start(new EvidenceStart(uuid.toString(), "image/png", 640, 480, 100, 1));
        off.chunk(new EvidenceChunk(uuid.toString(), 0, png(640, 480, 100)));
        assertTrue(off.attach(alert(uuid, "self_harm", 5)).screenshot().isEmpty());

        Semaphore tight = new Semaphore(HelperCodec.MAX_EVIDENCE_BYTES);
        EvidenceInbox first = new EvidenceInbox("a", ALL_FROM_3, tight, new RateLimit(5, 1, () -> 0));
        EvidenceInbox second = new EvidenceInbox("b", ALL_FROM_3, tight, new RateLimit(5, 1, () -> 0));
        int big = HelperCodec.MAX_EVIDENCE_BYTES;
        first.start(new EvidenceStart(uuid.toString(), "image/png", 640, 480, big, (big + CHUNK - 1) / CHUNK));
        assertEquals(0, tight.availablePermits(), "the first holds the whole budget");
        UUID other = UUID.randomUUID();
        second.start(new EvidenceStart(other.toString(), "image/png", 640, 480, 100, 1));
        second.chunk(new EvidenceChunk(other.toString(), 0, png(640, 480, 100)));
        assertTrue(second.attach(alert(other, "self_harm", 4)).screenshot().isEmpty(), "over the service's budget");
        first.discard("test over");
        assertEquals(HelperCodec.MAX_EVIDENCE_BYTES, tight.availablePermits());

        EvidenceInbox limited = new EvidenceInbox("c", ALL_FROM_3, budget, new RateLimit(1, Long.MAX_VALUE, () -> 0));
        for (int i = 0; i < 2; i++) {
            UUID u = UUID.randomUUID();
            limited.start(new EvidenceStart(u.toString(), "image/png", 640, 480, 100, 1));
            limited.chunk(new EvidenceChunk(u.toString(), 0, png(640, 480, 100)));
            assertEquals(i == 0, limited.attach(alert(u, "self_harm", 4)).screenshot().isPresent(), "screenshot " + i);
        }
    }

    @Test
    void aPngHeaderIsCheckedForItsSignatureAndSize() {
        assertTrue(EvidenceInbox.isPngOfSize(png(12, 34, 40), 12, 34));
        assertFalse(EvidenceInbox.isPngOfSize(png(12, 34, 40), 34, 12));
        assertFalse(EvidenceInbox.isPngOfSize(Arrays.copyOf(png(12, 34, 40), 20), 12, 34), "cut short");
        assertFalse(EvidenceInbox.isPngOfSize(new byte[10], 12, 34));
    }
}
