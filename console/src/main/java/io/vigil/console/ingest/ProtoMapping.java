package io.vigil.console.ingest;

import com.google.protobuf.Timestamp;
import io.vigil.console.domain.AlertScreenshot;
import io.vigil.console.domain.DeviceCapabilities;
import io.vigil.console.domain.DeviceFacts;
import io.vigil.console.domain.FilterEventRecord;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.NoticeAcceptance;
import io.vigil.console.domain.ReviewRequest;
import io.vigil.proto.v1.Alert;
import io.vigil.proto.v1.FilterEvent;
import io.vigil.proto.v1.UnavailableCapability;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;

/** Wire messages to domain records. Nothing here decides validity: that is the domain's job. */
final class ProtoMapping {

    private ProtoMapping() {
    }

    static DeviceFacts facts(io.vigil.proto.v1.DeviceFacts f) {
        return new DeviceFacts(f.getHostname(), f.getOsName(), f.getOsVersion(), f.getHardwareId(),
                f.getAgentVersion(), f.getModel());
    }

    /** A missing occurrence time (a buggy agent) is replaced by the arrival time rather than losing the alert. */
    static NewAlert alert(String deviceId, Alert a, Instant receivedAt) {
        List<String> rules = a.getRuleIdsList().stream().limit(50).map(r -> r.length() > 100 ? r.substring(0, 100) : r)
                .toList();
        return new NewAlert(a.getUuid(), deviceId, a.getSequence(), a.getCategory(), a.getSeverity(), a.getScore(),
                rules, a.getSnippet(), a.getApp(), a.getWindowTitle(), a.getUrl(), a.getUser(),
                a.hasOccurredAt() ? instant(a.getOccurredAt()) : receivedAt, a.getSource(), a.getListVersion(),
                a.getLanguage());
    }

    static DeviceCapabilities capabilities(List<String> available, List<UnavailableCapability> unavailable) {
        Map<String, String> missing = new LinkedHashMap<>();
        unavailable.forEach(u -> missing.put(u.getCapability(), u.getReason()));
        return new DeviceCapabilities(available, missing);
    }

    static Optional<AlertScreenshot> screenshot(String uuid, Alert a) {
        if (!a.hasScreenshot()) {
            return Optional.empty();
        }
        var s = a.getScreenshot();
        return Optional.of(new AlertScreenshot(uuid, s.getMediaType(), s.getData().toByteArray(), s.getWidth(),
                s.getHeight()));
    }

    static FilterEventRecord filterEvent(String deviceId, FilterEvent e, Instant receivedAt) {
        String action = switch (e.getAction()) {
            case ACTION_BLOCKED -> "blocked";
            case ACTION_ALLOWED_LOGGED -> "allowed_logged";
            default -> "unspecified";
        };
        return new FilterEventRecord(e.getUuid().toLowerCase(Locale.ROOT), deviceId, e.getSequence(), e.getDomain(),
                action, e.getCategory(), e.getUser(), e.getApp(),
                e.hasOccurredAt() ? instant(e.getOccurredAt()) : receivedAt, e.getGroup(), e.getReason());
    }

    static NoticeAcceptance noticeAcceptance(String deviceId, io.vigil.proto.v1.NoticeAcceptance n, Instant receivedAt) {
        return new NoticeAcceptance(n.getUuid().toLowerCase(Locale.ROOT), deviceId, n.getSequence(), n.getUser(),
                n.getNoticeVersion(), n.getGroup(), n.hasAcceptedAt() ? instant(n.getAcceptedAt()) : receivedAt);
    }

    /** Counts for the same domain twice in one message (a buggy agent) are added, not lost. */
    static io.vigil.console.domain.BrowsingSummary browsingSummary(String deviceId, io.vigil.proto.v1.BrowsingSummary b) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        b.getDomainsList().forEach(d -> counts.merge(d.getDomain(), d.getRequests(), Integer::sum));
        return new io.vigil.console.domain.BrowsingSummary(b.getUuid().toLowerCase(Locale.ROOT), deviceId,
                b.getSequence(), b.getUser(), instant(b.getHour()), counts);
    }

    static ReviewRequest reviewRequest(String deviceId, io.vigil.proto.v1.ReviewRequest r, Instant receivedAt) {
        return new ReviewRequest(r.getUuid().toLowerCase(Locale.ROOT), deviceId, r.getSequence(), r.getUser(),
                r.getDomain(), r.getCategory(), r.getComment(),
                r.hasRequestedAt() ? instant(r.getRequestedAt()) : receivedAt);
    }

    static io.vigil.console.domain.TamperEvent tamperEvent(String deviceId, io.vigil.proto.v1.TamperEvent t) {
        return new io.vigil.console.domain.TamperEvent(t.getUuid().toLowerCase(Locale.ROOT), deviceId, t.getSequence(),
                t.getKind(), t.getDetail(), t.getUser(), instant(t.getOccurredAt()));
    }

    private static Instant instant(Timestamp t) {
        // Clamp nonsense (year 0 or 10000) to something every database column can hold.
        long seconds = Math.max(0, Math.min(t.getSeconds(), 253_402_300_799L));
        return Instant.ofEpochSecond(seconds, Math.max(0, Math.min(t.getNanos(), 999_999_999)));
    }
}
