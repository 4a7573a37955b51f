package io.vigil.agent.transport;

import com.google.protobuf.Timestamp;
import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.BrowsingSummaryRecord;
import io.vigil.agent.alert.FilterEventRecord;
import io.vigil.agent.alert.NoticeAcceptanceRecord;
import io.vigil.agent.alert.ReviewRequestRecord;
import io.vigil.agent.alert.TamperEventRecord;
import io.vigil.agent.alert.SpooledRecord;
import io.vigil.agent.platform.DeviceFacts;
import io.vigil.agent.health.Capabilities;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.Alert;
import io.vigil.proto.v1.BrowsingSummary;
import io.vigil.proto.v1.DomainCount;
import io.vigil.proto.v1.FilterEvent;
import io.vigil.proto.v1.NoticeAcceptance;
import io.vigil.proto.v1.ReviewRequest;
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

    /** A spooled record of any kind as the AgentMessage that carries it, with its spool sequence. */
    static AgentMessage message(SpooledRecord spooled) {
        long seq = spooled.sequence();
        AgentMessage.Builder message = AgentMessage.newBuilder();
        return switch (spooled.record()) {
            case AlertRecord a -> message.setAlert(alert(seq, a)).build();
            case FilterEventRecord f -> message.setFilterEvent(filterEvent(seq, f)).build();
            case NoticeAcceptanceRecord n -> message.setNoticeAcceptance(noticeAcceptance(seq, n)).build();
            case BrowsingSummaryRecord b -> message.setBrowsingSummary(browsingSummary(seq, b)).build();
            case ReviewRequestRecord r -> message.setReviewRequest(reviewRequest(seq, r)).build();
            case TamperEventRecord t -> message.setTamperEvent(tamperEvent(seq, t)).build();
        };
    }

    static Alert alert(long sequence, AlertRecord a) {
        Alert.Builder alert = Alert.newBuilder()
                .setUuid(a.uuid().toString())
                .setSequence(sequence)
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

    static FilterEvent filterEvent(long sequence, FilterEventRecord f) {
        return FilterEvent.newBuilder()
                .setUuid(f.uuid().toString())
                .setSequence(sequence)
                .setDomain(f.domain())
                .setAction(switch (f.action()) {
                    case BLOCKED -> FilterEvent.Action.ACTION_BLOCKED;
                    case ALLOWED_LOGGED -> FilterEvent.Action.ACTION_ALLOWED_LOGGED;
                })
                .setCategory(f.category())
                .setUser(f.user())
                .setOccurredAt(timestamp(f.occurredAt()))
                .setApp(f.app())
                .setGroup(f.group())
                .setReason(f.reason())
                .build();
    }

    static NoticeAcceptance noticeAcceptance(long sequence, NoticeAcceptanceRecord n) {
        return NoticeAcceptance.newBuilder()
                .setUuid(n.uuid().toString())
                .setSequence(sequence)
                .setUser(n.user())
                .setNoticeVersion(n.noticeVersion())
                .setGroup(n.group())
                .setAcceptedAt(timestamp(n.acceptedAt()))
                .build();
    }

    static BrowsingSummary browsingSummary(long sequence, BrowsingSummaryRecord b) {
        BrowsingSummary.Builder summary = BrowsingSummary.newBuilder()
                .setUuid(b.uuid().toString())
                .setSequence(sequence)
                .setUser(b.user())
                .setHour(timestamp(b.hour()));
        b.requestsByDomain().forEach((domain, count) ->
                summary.addDomains(DomainCount.newBuilder().setDomain(domain).setRequests(count)));
        return summary.build();
    }

    static ReviewRequest reviewRequest(long sequence, ReviewRequestRecord r) {
        return ReviewRequest.newBuilder()
                .setUuid(r.uuid().toString())
                .setSequence(sequence)
                .setUser(r.user())
                .setDomain(r.domain())
                .setCategory(r.category())
                .setComment(r.comment())
                .setRequestedAt(timestamp(r.requestedAt()))
                .build();
    }

    static io.vigil.proto.v1.TamperEvent tamperEvent(long sequence, TamperEventRecord t) {
        return io.vigil.proto.v1.TamperEvent.newBuilder()
                .setUuid(t.uuid().toString())
                .setSequence(sequence)
                .setKind(t.tamper().wireName())
                .setDetail(t.detail())
                .setUser(t.user())
                .setOccurredAt(timestamp(t.occurredAt()))
                .build();
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
