package io.vigil.console.ingest;

import com.google.protobuf.Timestamp;
import io.vigil.console.domain.AlertScreenshot;
import io.vigil.console.domain.DeviceCapabilities;
import io.vigil.console.domain.DeviceFacts;
import io.vigil.console.domain.FilterEventRecord;
import io.vigil.console.domain.NewAlert;
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
                e.hasOccurredAt() ? instant(e.getOccurredAt()) : receivedAt);
    }

    private static Instant instant(Timestamp t) {
        // Clamp nonsense (year 0 or 10000) to something every database column can hold.
        long seconds = Math.max(0, Math.min(t.getSeconds(), 253_402_300_799L));
        return Instant.ofEpochSecond(seconds, Math.max(0, Math.min(t.getNanos(), 999_999_999)));
    }
}
