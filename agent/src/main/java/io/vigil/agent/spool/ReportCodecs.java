package io.vigil.agent.spool;

import io.vigil.agent.alert.BrowsingSummaryRecord;
import io.vigil.agent.alert.FilterEventRecord;
import io.vigil.agent.alert.NoticeAcceptanceRecord;
import io.vigil.agent.alert.ReviewRequestRecord;
import io.vigil.agent.alert.TamperEventRecord;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Bodies of the record kinds other than alerts (see {@link RecordCodec} for the envelope). Each body
 * starts with its own version byte; a later version adds fields at the end and reads old ones with
 * defaults, as {@link AlertCodec} does.
 */
final class ReportCodecs {

    private static final byte V1 = 1;

    private ReportCodecs() {
    }

    static void writeFilterEvent(DataOutputStream out, FilterEventRecord f) throws IOException {
        out.writeByte(V1);
        writeUuid(out, f.uuid());
        out.writeUTF(f.domain());
        out.writeUTF(f.action().name());
        out.writeUTF(f.category());
        out.writeUTF(f.user());
        writeInstant(out, f.occurredAt());
        out.writeUTF(f.app());
        out.writeUTF(f.group());
        out.writeUTF(f.reason());
    }

    static FilterEventRecord readFilterEvent(DataInputStream in) throws IOException {
        version(in);
        return new FilterEventRecord(readUuid(in), in.readUTF(), FilterEventRecord.Action.valueOf(in.readUTF()),
                in.readUTF(), in.readUTF(), readInstant(in), in.readUTF(), in.readUTF(), in.readUTF());
    }

    static void writeNoticeAcceptance(DataOutputStream out, NoticeAcceptanceRecord n) throws IOException {
        out.writeByte(V1);
        writeUuid(out, n.uuid());
        out.writeUTF(n.user());
        out.writeUTF(n.noticeVersion());
        out.writeUTF(n.group());
        writeInstant(out, n.acceptedAt());
    }

    static NoticeAcceptanceRecord readNoticeAcceptance(DataInputStream in) throws IOException {
        version(in);
        return new NoticeAcceptanceRecord(readUuid(in), in.readUTF(), in.readUTF(), in.readUTF(), readInstant(in));
    }

    static void writeBrowsingSummary(DataOutputStream out, BrowsingSummaryRecord b) throws IOException {
        out.writeByte(V1);
        writeUuid(out, b.uuid());
        out.writeUTF(b.user());
        writeInstant(out, b.hour());
        out.writeInt(b.requestsByDomain().size());
        for (Map.Entry<String, Integer> e : b.requestsByDomain().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
    }

    static BrowsingSummaryRecord readBrowsingSummary(DataInputStream in) throws IOException {
        version(in);
        UUID uuid = readUuid(in);
        String user = in.readUTF();
        Instant hour = readInstant(in);
        int size = in.readInt();
        if (size < 0 || size > BrowsingSummaryRecord.MAX_DOMAINS) {
            throw new IOException("implausible domain count " + size);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            counts.put(in.readUTF(), in.readInt());
        }
        return new BrowsingSummaryRecord(uuid, user, hour, counts);
    }

    static void writeReviewRequest(DataOutputStream out, ReviewRequestRecord r) throws IOException {
        out.writeByte(V1);
        writeUuid(out, r.uuid());
        out.writeUTF(r.user());
        out.writeUTF(r.domain());
        out.writeUTF(r.category());
        out.writeUTF(r.comment());
        writeInstant(out, r.requestedAt());
    }

    static ReviewRequestRecord readReviewRequest(DataInputStream in) throws IOException {
        version(in);
        return new ReviewRequestRecord(readUuid(in), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                readInstant(in));
    }

    static void writeTamperEvent(DataOutputStream out, TamperEventRecord t) throws IOException {
        out.writeByte(V1);
        writeUuid(out, t.uuid());
        out.writeUTF(t.tamper().name());
        out.writeUTF(t.detail());
        out.writeUTF(t.user());
        writeInstant(out, t.occurredAt());
    }

    static TamperEventRecord readTamperEvent(DataInputStream in) throws IOException {
        version(in);
        return new TamperEventRecord(readUuid(in), TamperEventRecord.Kind.valueOf(in.readUTF()), in.readUTF(),
                in.readUTF(), readInstant(in));
    }

    private static void version(DataInputStream in) throws IOException {
        byte version = in.readByte();
        if (version != V1) {
            throw new IOException("unknown record body version " + version + " (written by a newer agent?)");
        }
    }

    private static void writeUuid(DataOutputStream out, UUID uuid) throws IOException {
        out.writeLong(uuid.getMostSignificantBits());
        out.writeLong(uuid.getLeastSignificantBits());
    }

    private static UUID readUuid(DataInputStream in) throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }

    private static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(at.getEpochSecond());
        out.writeInt(at.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
