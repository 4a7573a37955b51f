package io.vigil.agent.spool;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.BrowsingSummaryRecord;
import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.FilterEventRecord;
import io.vigil.agent.alert.NoticeAcceptanceRecord;
import io.vigil.agent.alert.ReviewRequestRecord;
import io.vigil.agent.alert.TamperEventRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The spool's binary form of every kind of record.
 *
 * <p>Layout: format byte {@value #KINDED}, a kind byte, then the kind's own body, which starts with
 * its own version byte so each kind can evolve alone. Spools written before records had kinds hold
 * bare alerts whose first byte is an alert format (1 to 3, always below {@value #KINDED}); they are
 * still read as alerts, so an upgraded agent delivers what an older one left behind.
 */
final class RecordCodec {

    /** First byte of every record written since the spool carried more than alerts. */
    static final byte KINDED = 4;

    static final byte ALERT = 1;
    static final byte FILTER_EVENT = 2;
    static final byte NOTICE_ACCEPTANCE = 3;
    static final byte BROWSING_SUMMARY = 4;
    static final byte REVIEW_REQUEST = 5;
    static final byte TAMPER_EVENT = 6;

    private RecordCodec() {
    }

    /** @param seal encrypts an alert's screenshot; without one a screenshot is never written */
    static byte[] encode(DeviceRecord record, ScreenshotSeal seal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(KINDED);
            switch (record) {
                case AlertRecord a -> {
                    out.writeByte(ALERT);
                    out.write(AlertCodec.encode(a, seal));
                }
                case FilterEventRecord f -> {
                    out.writeByte(FILTER_EVENT);
                    ReportCodecs.writeFilterEvent(out, f);
                }
                case NoticeAcceptanceRecord n -> {
                    out.writeByte(NOTICE_ACCEPTANCE);
                    ReportCodecs.writeNoticeAcceptance(out, n);
                }
                case BrowsingSummaryRecord b -> {
                    out.writeByte(BROWSING_SUMMARY);
                    ReportCodecs.writeBrowsingSummary(out, b);
                }
                case ReviewRequestRecord r -> {
                    out.writeByte(REVIEW_REQUEST);
                    ReportCodecs.writeReviewRequest(out, r);
                }
                case TamperEventRecord t -> {
                    out.writeByte(TAMPER_EVENT);
                    ReportCodecs.writeTamperEvent(out, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory stream
        }
        return bytes.toByteArray();
    }

    /** @throws IOException if the bytes are not a record any version of this agent wrote */
    static DeviceRecord decode(byte[] data, ScreenshotSeal seal) throws IOException {
        if (data.length == 0) {
            throw new IOException("empty spool record");
        }
        if (data[0] != KINDED) {
            return AlertCodec.decode(data, seal); // written before records had kinds (or unknown: it says so)
        }
        if (data.length < 2) {
            throw new IOException("spool record has no kind");
        }
        byte kind = data[1];
        if (kind == ALERT) {
            return AlertCodec.decode(Arrays.copyOfRange(data, 2, data.length), seal);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 2, data.length - 2))) {
            return switch (kind) {
                case FILTER_EVENT -> ReportCodecs.readFilterEvent(in);
                case NOTICE_ACCEPTANCE -> ReportCodecs.readNoticeAcceptance(in);
                case BROWSING_SUMMARY -> ReportCodecs.readBrowsingSummary(in);
                case REVIEW_REQUEST -> ReportCodecs.readReviewRequest(in);
                case TAMPER_EVENT -> ReportCodecs.readTamperEvent(in);
                default -> throw new IOException("unknown spool record kind " + kind);
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("invalid spool record: " + e.getMessage(), e);
        }
    }
}
