package io.vigil.agent.spool;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.Screenshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The spool's own binary form of an alert. A leading format byte lets a newer agent read records an
 * older one left behind after an upgrade; the wire format (protobuf) stays in the transport.
 */
final class AlertCodec {

    private static final byte FORMAT_1 = 1;
    /** FORMAT_1 followed by an optional screenshot, sealed with the spool's {@link ScreenshotSeal}. */
    private static final byte FORMAT_2 = 2;
    /** FORMAT_2 followed by the language the pupil wrote in. */
    private static final byte FORMAT_3 = 3;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AlertCodec.class);

    private AlertCodec() {
    }

    static byte[] encode(AlertRecord a) {
        return encode(a, null);
    }

    /** @param seal encrypts the screenshot; without one a screenshot is never written (no plain images on disk) */
    static byte[] encode(AlertRecord a, ScreenshotSeal seal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_3);
            out.writeLong(a.uuid().getMostSignificantBits());
            out.writeLong(a.uuid().getLeastSignificantBits());
            out.writeUTF(a.category());
            out.writeInt(a.severity());
            out.writeInt(a.score());
            out.writeInt(a.ruleIds().size());
            for (String rule : a.ruleIds()) {
                out.writeUTF(rule);
            }
            out.writeUTF(a.snippet());
            out.writeUTF(a.app());
            writeLong(out, a.windowTitle());
            writeLong(out, a.url());
            out.writeUTF(a.user());
            out.writeLong(a.occurredAt().getEpochSecond());
            out.writeInt(a.occurredAt().getNano());
            out.writeUTF(a.source());
            out.writeUTF(a.listVersion());
            if (a.screenshot().isPresent() && seal != null) {
                Screenshot shot = a.screenshot().get();
                out.writeBoolean(true);
                out.writeUTF(shot.mediaType());
                out.writeInt(shot.width());
                out.writeInt(shot.height());
                byte[] sealed = seal.seal(a.uuid(), shot.data());
                out.writeInt(sealed.length);
                out.write(sealed);
            } else {
                out.writeBoolean(false);
            }
            out.writeUTF(a.language());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory stream
        }
        return bytes.toByteArray();
    }

    /** @throws IOException if the bytes are not a record this agent wrote */
    static AlertRecord decode(byte[] data) throws IOException {
        return decode(data, null);
    }

    static AlertRecord decode(byte[] data, ScreenshotSeal seal) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT_1 && format != FORMAT_2 && format != FORMAT_3) {
                throw new IOException("unknown spool record format " + format);
            }
            UUID uuid = new UUID(in.readLong(), in.readLong());
            String category = in.readUTF();
            int severity = in.readInt();
            int score = in.readInt();
            int rules = in.readInt();
            if (rules < 0 || rules > 10_000) {
                throw new IOException("implausible rule count " + rules);
            }
            List<String> ruleIds = new ArrayList<>(rules);
            for (int i = 0; i < rules; i++) {
                ruleIds.add(in.readUTF());
            }
            String snippet = in.readUTF();
            String app = in.readUTF();
            String title = readLong(in);
            String url = readLong(in);
            String user = in.readUTF();
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String source = in.readUTF();
            String listVersion = in.readUTF();
            Optional<Screenshot> shot = format >= FORMAT_2 ? readScreenshot(in, uuid, seal) : Optional.empty();
            String language = format >= FORMAT_3 ? in.readUTF() : "";
            return new AlertRecord(uuid, category, severity, score, ruleIds, snippet, app, title, url, user, at,
                    source, listVersion, shot, language);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("invalid spool record: " + e.getMessage(), e);
        }
    }

    /** A screenshot that cannot be opened (key lost) is dropped; the alert itself is still delivered. */
    private static Optional<Screenshot> readScreenshot(DataInputStream in, UUID uuid, ScreenshotSeal seal)
            throws IOException {
        if (!in.readBoolean()) {
            return Optional.empty();
        }
        String mediaType = in.readUTF();
        int width = in.readInt();
        int height = in.readInt();
        int length = in.readInt();
        if (length < 0 || length > 64 * 1024 * 1024) {
            throw new IOException("implausible screenshot length " + length);
        }
        byte[] sealed = in.readNBytes(length);
        if (seal == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Screenshot(mediaType, seal.open(uuid, sealed), width, height));
        } catch (IOException e) {
            log.warn("alert {}: {}; delivering it without the screenshot", uuid, e.getMessage());
            return Optional.empty();
        }
    }

    /** Window titles and URLs can exceed writeUTF's 64 KiB limit, so they carry an int length. */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readLong(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 16 * 1024 * 1024) {
            throw new IOException("implausible string length " + length);
        }
        return new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }
}
