package io.vigil.agent.transport;

import com.google.protobuf.Timestamp;
import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.SpooledAlert;
import io.vigil.agent.platform.DeviceFacts;
import io.vigil.agent.health.Capabilities;
import io.vigil.proto.v1.Alert;
import io.vigil.proto.v1.UnavailableCapability;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** The only place domain records become wire messages. */
final class ProtoMapper {

    private ProtoMapper() {
    }

    static io.vigil.proto.v1.DeviceFacts deviceFacts(DeviceFacts f) {
        return io.vigil.proto.v1.DeviceFacts.newBuilder()
                .setHostname(f.hostname())
                .setOsName(f.osName())
                .setOsVersion(f.osVersion())
                .setHardwareId(f.hardwareId())
                .setAgentVersion(f.agentVersion())
                .setModel(f.model())
                .build();
    }

    static Alert alert(SpooledAlert spooled) {
        AlertRecord a = spooled.alert();
        Alert.Builder alert = Alert.newBuilder()
                .setUuid(a.uuid().toString())
                .setSequence(spooled.sequence())
                .setCategory(a.category())
                .setSeverity(a.severity())
                .addAllRuleIds(a.ruleIds())
                .setSnippet(a.snippet())
                .setApp(a.app())
                .setWindowTitle(a.windowTitle())
                .setUrl(a.url())
                .setUser(a.user())
                .setOccurredAt(timestamp(a.occurredAt()))
                .setSource(a.source())
                .setListVersion(a.listVersion())
                .setLanguage(a.language())
                .setScore(a.score());
        a.screenshot().ifPresent(s -> alert.setScreenshot(io.vigil.proto.v1.Screenshot.newBuilder()
                .setMediaType(s.mediaType())
                .setData(com.google.protobuf.ByteString.copyFrom(s.data()))
                .setWidth(s.width())
                .setHeight(s.height())));
        return alert.build();
    }

    /** Sorted by capability so Hello and Heartbeat list them the same way every time. */
    static List<UnavailableCapability> unavailable(Capabilities capabilities) {
        return new TreeMap<>(capabilities.unavailable()).entrySet().stream()
                .map(e -> UnavailableCapability.newBuilder().setCapability(e.getKey()).setReason(e.getValue()).build())
                .toList();
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }
}
