package io.vigil.agent.helper.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a frame: a type byte, then the message's fields as modified UTF-8 strings and fixed-size
 * numbers. Every string and list has a limit that decoding checks, so a frame that breaks one is refused
 * whole with the field named, and nothing beyond the limits ever reaches the service's logic. Bytes left
 * over after a message are refused too: a frame is one message.
 */
public final class HelperCodec {

    /**
     * 2: the service sends {@link HelperMessage.Settings} after Accepted; the helper may send NoticeAccepted.
     * 3: Settings carry the school's screenshot and help settings and may come again at any time (the school's
     * settings changed); the helper may send evidence and help requests; the service announces pushed keyword
     * lists ({@link HelperMessage.ListsChanged}) and the helper answers with the lists it matches with
     * ({@link HelperMessage.ListsInUse}). A version-2 helper would ignore these, so it is refused by name.
     */
    public static final int VERSION = 3;

    static final byte HELLO = 1;
    static final byte ALERT = 2;
    static final byte CAPABILITIES = 3;
    static final byte GOODBYE = 4;
    static final byte NOTICE_ACCEPTED = 5;
    static final byte EVIDENCE_START = 6;
    static final byte EVIDENCE_CHUNK = 7;
    static final byte HELP_ASKED = 8;
    static final byte ACCEPTED = 10;
    static final byte REFUSED = 11;
    static final byte SETTINGS = 12;
    static final byte LISTS_CHANGED = 13;
    /** Helper to service, though in the service's range: 13-15 were reserved for the lists exchange as a whole. */
    static final byte LISTS_IN_USE = 14;

    /** Limits in characters; the snippet's and title's are the agent's own alert limits. */
    public static final int MAX_USER = 64;
    public static final int MAX_SHORT = 64;
    public static final int MAX_SNIPPET = io.vigil.agent.alert.AlertRecord.MAX_SNIPPET_CHARS;
    public static final int MAX_TITLE = io.vigil.agent.alert.AlertRecord.MAX_WINDOW_TITLE_CHARS;
    public static final int MAX_APP = 200;
    public static final int MAX_URL = 2000;
    public static final int MAX_RULES = 16;
    public static final int MAX_CAPABILITIES = 16;
    public static final int MAX_REASON = 300;
    /** Settings limits: far above what a school configures, small enough that a Settings frame fits 16 KiB. */
    public static final int MAX_SPANS = 28;
    public static final int MAX_PATTERNS = 16;
    public static final int MAX_PATTERN = 200;
    public static final int MAX_APPS = 16;
    public static final int MAX_CATEGORIES = 32;
    public static final int MAX_NOTICE_TEXT = 2000;
    /**
     * A screenshot is at most 2 MiB: the agent's 1280-pixel PNGs of a busy screen are well under 1.5 MiB, and
     * the service holds one per helper while it arrives. It crosses in chunks of 12 KiB, leaving room in a
     * 16 KiB frame for the chunk's uuid and numbers.
     */
    public static final int MAX_EVIDENCE_BYTES = 2 * 1024 * 1024;
    public static final int EVIDENCE_CHUNK_BYTES = 12 * 1024;
    /** The help page's own limit ({@code HelpDesk.MAX_WORDS}); the helper checks it before sending. */
    public static final int MAX_HELP_WORDS = io.vigil.agent.help.HelpDesk.MAX_WORDS;

    private HelperCodec() {
    }

    public static byte[] encode(HelperMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            switch (message) {
                case HelperMessage.Hello h -> {
                    out.writeByte(HELLO);
                    out.writeInt(h.version());
                    out.writeUTF(h.user());
                }
                case HelperMessage.MatchedAlert a -> {
                    out.writeByte(ALERT);
                    for (String s : List.of(a.uuid(), a.category())) {
                        out.writeUTF(s);
                    }
                    out.writeInt(a.severity());
                    out.writeInt(a.score());
                    writeList(out, a.ruleIds());
                    for (String s : List.of(a.snippet(), a.app(), a.windowTitle(), a.url())) {
                        out.writeUTF(s);
                    }
                    out.writeLong(a.occurredAtMillis());
                    for (String s : List.of(a.source(), a.listVersion(), a.language())) {
                        out.writeUTF(s);
                    }
                }
                case HelperMessage.Capabilities c -> {
                    out.writeByte(CAPABILITIES);
                    writeList(out, c.available());
                    out.writeShort(c.unavailable().size());
                    for (Map.Entry<String, String> e : c.unavailable().entrySet()) {
                        out.writeUTF(e.getKey());
                        out.writeUTF(e.getValue());
                    }
                }
                case HelperMessage.Goodbye g -> out.writeByte(GOODBYE);
                case HelperMessage.NoticeAccepted n -> {
                    out.writeByte(NOTICE_ACCEPTED);
                    out.writeUTF(n.version());
                }
                case HelperMessage.EvidenceStart e -> {
                    out.writeByte(EVIDENCE_START);
                    out.writeUTF(e.uuid());
                    out.writeUTF(e.mediaType());
                    for (int v : new int[] {e.width(), e.height(), e.totalBytes(), e.chunks()}) {
                        out.writeInt(v);
                    }
                }
                case HelperMessage.EvidenceChunk c -> {
                    out.writeByte(EVIDENCE_CHUNK);
                    out.writeUTF(c.uuid());
                    out.writeInt(c.index());
                    out.writeInt(c.data().length);
                    out.write(c.data());
                }
                case HelperMessage.HelpAsked h -> {
                    out.writeByte(HELP_ASKED);
                    out.writeUTF(h.kind());
                    out.writeUTF(h.words());
                }
                case HelperMessage.Settings st -> {
                    out.writeByte(SETTINGS);
                    SettingsCodec.write(out, st);
                }
                case HelperMessage.ListsChanged l -> {
                    out.writeByte(LISTS_CHANGED);
                    out.writeUTF(l.version());
                    out.writeUTF(l.sha256());
                }
                case HelperMessage.ListsInUse l -> {
                    out.writeByte(LISTS_IN_USE);
                    out.writeUTF(l.version());
                    out.writeUTF(l.problem());
                }
                case HelperMessage.Accepted a -> out.writeByte(ACCEPTED);
                case HelperMessage.Refused r -> {
                    out.writeByte(REFUSED);
                    out.writeUTF(r.reason());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory stream
        }
        return bytes.toByteArray();
    }

    /** @throws FrameException naming the broken rule; the caller closes the connection */
    public static HelperMessage decode(byte[] body) throws FrameException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            HelperMessage message = switch (in.readByte()) {
                case HELLO -> new HelperMessage.Hello(in.readInt(), text(in, "user", MAX_USER));
                case ALERT -> new HelperMessage.MatchedAlert(text(in, "uuid", 36), text(in, "category", MAX_SHORT),
                        in.readInt(), in.readInt(), list(in, "rule_ids", MAX_RULES, MAX_SHORT * 2),
                        text(in, "snippet", MAX_SNIPPET), text(in, "app", MAX_APP), text(in, "window", MAX_TITLE),
                        text(in, "url", MAX_URL), in.readLong(), text(in, "source", MAX_SHORT),
                        text(in, "list_version", MAX_SHORT * 2), text(in, "language", 16));
                case CAPABILITIES -> capabilities(in);
                case GOODBYE -> new HelperMessage.Goodbye();
                case NOTICE_ACCEPTED -> new HelperMessage.NoticeAccepted(text(in, "notice_version", MAX_SHORT * 2));
                case EVIDENCE_START -> new HelperMessage.EvidenceStart(text(in, "uuid", 36),
                        text(in, "media_type", MAX_SHORT), in.readInt(), in.readInt(), in.readInt(), in.readInt());
                case EVIDENCE_CHUNK -> new HelperMessage.EvidenceChunk(text(in, "uuid", 36), in.readInt(),
                        bytes(in, "chunk"));
                case HELP_ASKED -> new HelperMessage.HelpAsked(text(in, "kind", MAX_SHORT),
                        text(in, "words", MAX_HELP_WORDS));
                case SETTINGS -> SettingsCodec.read(in);
                case LISTS_CHANGED -> new HelperMessage.ListsChanged(text(in, "lists_version", MAX_SHORT * 2),
                        text(in, "sha256", MAX_SHORT * 2));
                case LISTS_IN_USE -> new HelperMessage.ListsInUse(text(in, "lists_version", MAX_SHORT * 2),
                        text(in, "problem", MAX_REASON));
                case ACCEPTED -> new HelperMessage.Accepted();
                case REFUSED -> new HelperMessage.Refused(text(in, "reason", MAX_REASON));
                default -> throw new FrameException("unknown message type " + body[0]);
            };
            if (in.available() > 0) {
                throw new FrameException(in.available() + " byte(s) after the message");
            }
            return message;
        } catch (FrameException e) {
            throw e;
        } catch (EOFException e) {
            throw new FrameException("message cut short");
        } catch (IOException e) {
            throw new FrameException("malformed message: " + e.getMessage()); // bad modified UTF-8
        }
    }

    private static HelperMessage.Capabilities capabilities(DataInputStream in) throws IOException {
        List<String> available = list(in, "available", MAX_CAPABILITIES, MAX_SHORT);
        int count = in.readUnsignedShort();
        if (count > MAX_CAPABILITIES) {
            throw new FrameException("unavailable: " + count + " entries, at most " + MAX_CAPABILITIES);
        }
        Map<String, String> unavailable = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            unavailable.put(text(in, "capability", MAX_SHORT), text(in, "reason", MAX_REASON));
        }
        return new HelperMessage.Capabilities(available, unavailable);
    }

    static void writeList(DataOutputStream out, List<String> values) throws IOException {
        out.writeShort(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    static List<String> list(DataInputStream in, String field, int maxEntries, int maxChars)
            throws IOException {
        int count = in.readUnsignedShort();
        if (count > maxEntries) {
            throw new FrameException(field + ": " + count + " entries, at most " + maxEntries);
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(text(in, field, maxChars));
        }
        return values;
    }

    /** A length-prefixed byte string; its length is checked against what the frame still holds. */
    private static byte[] bytes(DataInputStream in, String field) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new FrameException(field + ": " + length + " bytes declared, " + in.available() + " in the frame");
        }
        return in.readNBytes(length);
    }

    static String text(DataInputStream in, String field, int maxChars) throws IOException {
        String value = in.readUTF();
        if (value.length() > maxChars) {
            throw new FrameException(field + ": " + value.length() + " characters, at most " + maxChars);
        }
        return value;
    }
}
