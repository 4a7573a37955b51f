package io.vigil.agent.helper.service;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.Screenshot;
import io.vigil.agent.evidence.ScreenCapture;
import io.vigil.agent.evidence.ScreenshotPolicy;
import io.vigil.agent.helper.wire.HelperCodec;
import io.vigil.agent.helper.wire.HelperMessage.EvidenceChunk;
import io.vigil.agent.helper.wire.HelperMessage.EvidenceStart;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One helper connection's incoming screenshot. The helper announces it ({@link EvidenceStart}), sends it in
 * order ({@link EvidenceChunk}), then sends the alert it belongs to; {@link #attach} gives that alert the
 * screenshot only if it is complete, is a PNG of the announced size, was announced for this very alert, and
 * the service's own {@link ScreenshotPolicy} allows one for the alert's category and severity. The helper is
 * not trusted to have checked: a forged helper's picture for a sexual-content alert is dropped here.
 *
 * <p>Anything wrong costs only the screenshot, with a log line naming why: the alert is kept and the helper
 * stays connected. Memory is bounded twice: one screenshot per connection at a time, and a service-wide
 * byte budget shared by all connections.
 */
final class EvidenceInbox {

    private static final Logger log = LoggerFactory.getLogger(EvidenceInbox.class);
    static final String PNG = "image/png";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final String user;
    private final ScreenshotPolicy policy;
    private final Semaphore budget;
    private final RateLimit rate;
    private Arriving current;
    /** The screenshot last refused or dropped: its remaining chunks are ignored without a line each. */
    private String dropped = "";

    /** A screenshot on its way in; its bytes are reserved from the budget until it is attached or dropped. */
    private static final class Arriving {
        final EvidenceStart start;
        final UUID uuid;
        final byte[] data;
        int next;
        int filled;

        Arriving(EvidenceStart start, UUID uuid) {
            this.start = start;
            this.uuid = uuid;
            this.data = new byte[start.totalBytes()];
        }

        boolean complete() {
            return next == start.chunks();
        }
    }

    EvidenceInbox(String user, ScreenshotPolicy policy, Semaphore budget, RateLimit rate) {
        this.user = user;
        this.policy = policy;
        this.budget = budget;
        this.rate = rate;
    }

    void start(EvidenceStart s) {
        discard("a new screenshot was announced before it was complete");
        Optional<String> problem = problemWith(s);
        if (problem.isPresent()) {
            refuse(s.uuid(), problem.get());
            return;
        }
        if (!rate.tryTake()) {
            refuse(s.uuid(), "more screenshots than the limit allows; the alert goes on without one");
            return;
        }
        if (!budget.tryAcquire(s.totalBytes())) {
            refuse(s.uuid(), "the service already holds screenshots from other helpers; the alert goes on without one");
            return;
        }
        current = new Arriving(s, UUID.fromString(s.uuid()));
    }

    private Optional<String> problemWith(EvidenceStart s) {
        if (!policy.enabled()) {
            return Optional.of("this school takes no screenshots (screenshot.categories is empty)");
        }
        try {
            UUID.fromString(s.uuid());
        } catch (IllegalArgumentException e) {
            return Optional.of("uuid: not a UUID");
        }
        if (!s.mediaType().equals(PNG)) {
            return Optional.of("media type '" + s.mediaType() + "', only " + PNG + " is taken");
        }
        int max = ScreenCapture.MAX_SIDE;
        if (s.width() < 1 || s.height() < 1 || s.width() > max || s.height() > max) {
            return Optional.of("size " + s.width() + "x" + s.height() + " is outside 1-" + max + " pixels a side");
        }
        if (s.totalBytes() < 1 || s.totalBytes() > HelperCodec.MAX_EVIDENCE_BYTES) {
            return Optional.of(s.totalBytes() + " bytes is outside 1-" + HelperCodec.MAX_EVIDENCE_BYTES);
        }
        int chunks = (s.totalBytes() + HelperCodec.EVIDENCE_CHUNK_BYTES - 1) / HelperCodec.EVIDENCE_CHUNK_BYTES;
        if (s.chunks() != chunks) {
            return Optional.of(s.chunks() + " chunks announced, " + s.totalBytes() + " bytes take " + chunks);
        }
        return Optional.empty();
    }

    void chunk(EvidenceChunk c) {
        Arriving a = current;
        if (a == null) {
            if (!c.uuid().equals(dropped)) {
                refuse(c.uuid(), "chunk " + c.index() + " with no screenshot announced");
            }
            return;
        }
        if (!c.uuid().equals(a.start.uuid())) {
            discard("a chunk for another alert (" + c.uuid() + ") arrived in the middle of it");
            return;
        }
        if (c.index() != a.next) {
            discard("chunk " + c.index() + " arrived where chunk " + a.next + " was due (chunks come in order)");
            return;
        }
        byte[] data = c.data();
        boolean last = a.next == a.start.chunks() - 1;
        int expected = last ? a.start.totalBytes() - a.filled : HelperCodec.EVIDENCE_CHUNK_BYTES;
        if (a.complete() || data.length != expected) {
            discard("chunk " + c.index() + " holds " + data.length + " bytes where " + expected + " were due");
            return;
        }
        System.arraycopy(data, 0, a.data, a.filled, data.length);
        a.filled += data.length;
        a.next++;
        if (a.complete() && !isPngOfSize(a.data, a.start.width(), a.start.height())) {
            discard("it is not a PNG image of the announced " + a.start.width() + "x" + a.start.height());
        }
    }

    /** The alert, with the screenshot that arrived for it if every check passes; the screenshot is used up. */
    AlertRecord attach(AlertRecord alert) {
        Arriving a = current;
        if (a == null) {
            return alert;
        }
        release();
        if (!a.uuid.equals(alert.uuid())) {
            refuse(a.start.uuid(), "the alert that followed it is " + alert.uuid()
                    + " (a screenshot is taken only for the alert sent right after it)");
        } else if (!a.complete()) {
            refuse(a.start.uuid(), "incomplete: " + a.next + " of " + a.start.chunks() + " chunks arrived");
        } else if (!policy.wants(alert)) {
            refuse(a.start.uuid(), "the school's screenshot settings allow none for an alert of category "
                    + alert.category() + " and severity " + alert.severity() + " (never for sexual content); the "
                    + "alert is kept without it");
        } else {
            return alert.withScreenshot(Optional.of(new Screenshot(PNG, a.data, a.start.width(), a.start.height())));
        }
        return alert;
    }

    /** Drops a screenshot still arriving (the connection ended, its alert was refused), saying why. */
    void discard(String why) {
        Arriving a = current;
        if (a != null) {
            release();
            refuse(a.start.uuid(), why);
        }
    }

    private void release() {
        budget.release(current.start.totalBytes());
        current = null;
    }

    private void refuse(String uuid, String why) {
        dropped = uuid;
        log.warn("dropped a screenshot from the session helper of '{}' for alert {}: {}", user, uuid, why);
    }

    /** The PNG signature, then the IHDR chunk first (as the format requires) with the announced width and height. */
    static boolean isPngOfSize(byte[] data, int width, int height) {
        if (data.length < 33 || !Arrays.equals(data, 0, 8, PNG_SIGNATURE, 0, 8)) {
            return false;
        }
        ByteBuffer header = ByteBuffer.wrap(data, 8, 16);
        return header.getInt() == 13 && header.getInt() == 0x49484452 // "IHDR"
                && header.getInt() == width && header.getInt() == height;
    }
}
