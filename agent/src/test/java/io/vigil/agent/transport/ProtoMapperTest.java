package io.vigil.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.platform.DeviceFacts;
import io.vigil.agent.alert.SpooledRecord;
import io.vigil.agent.testing.Alerts;
import io.vigil.agent.testing.Records;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.FilterEvent;
import io.vigil.proto.v1.Alert;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoMapperTest {

    @Test
    void everyAlertFieldIsMappedToTheWire() {
        AlertRecord a = Alerts.sample();
        Alert wire = ProtoMapper.alert(42, a);
        assertEquals(a.uuid().toString(), wire.getUuid());
        assertEquals(42, wire.getSequence());
        assertEquals("self_harm", wire.getCategory());
        assertEquals(4, wire.getSeverity());
        assertEquals(9, wire.getScore());
        assertEquals(List.of("sh-001", "sh-007"), wire.getRuleIdsList());
        assertEquals(a.snippet(), wire.getSnippet());
        assertEquals("replay", wire.getApp());
        assertEquals("Year 9 chat", wire.getWindowTitle());
        assertEquals("", wire.getUrl());
        assertEquals("j.smith", wire.getUser());
        assertEquals(a.occurredAt().getEpochSecond(), wire.getOccurredAt().getSeconds());
        assertEquals(123456789, wire.getOccurredAt().getNanos());
        assertEquals("replay", wire.getSource());
        assertEquals("sha256:abc", wire.getListVersion());
        assertEquals(false, wire.hasScreenshot());
    }

    @Test
    void deviceFactsAreMapped() {
        var wire = ProtoMapper.deviceFacts(new DeviceFacts("lab-07", "Linux", "6.1", "abc123", "0.1.0"));
        assertEquals("lab-07", wire.getHostname());
        assertEquals("Linux", wire.getOsName());
        assertEquals("6.1", wire.getOsVersion());
        assertEquals("abc123", wire.getHardwareId());
        assertEquals("0.1.0", wire.getAgentVersion());
    }

    @Test
    void eachKindTravelsAsItsOwnAgentMessageWithItsSpoolSequence() {
        assertEquals(AgentMessage.KindCase.ALERT, ProtoMapper.message(new SpooledRecord(1, Alerts.sample())).getKindCase());

        var f = Records.filterEvent();
        FilterEvent fe = ProtoMapper.message(new SpooledRecord(2, f)).getFilterEvent();
        assertEquals(f.uuid().toString(), fe.getUuid());
        assertEquals(2, fe.getSequence());
        assertEquals(FilterEvent.Action.ACTION_BLOCKED, fe.getAction());
        assertEquals("example-adult.test", fe.getDomain());
        assertEquals("ks3", fe.getGroup());
        assertEquals("category adult", fe.getReason());

        var n = ProtoMapper.message(new SpooledRecord(3, Records.noticeAcceptance())).getNoticeAcceptance();
        assertEquals(3, n.getSequence());
        assertEquals("2026-09", n.getNoticeVersion());
        assertEquals("pupils", n.getGroup());

        var b = ProtoMapper.message(new SpooledRecord(4, Records.browsingSummary())).getBrowsingSummary();
        assertEquals(4, b.getSequence());
        assertEquals(2, b.getDomainsCount());
        assertEquals("bbc.co.uk", b.getDomains(0).getDomain());
        assertEquals(12, b.getDomains(0).getRequests());

        var r = ProtoMapper.message(new SpooledRecord(5, Records.reviewRequest())).getReviewRequest();
        assertEquals(5, r.getSequence());
        assertEquals("history-site.test", r.getDomain());
        assertEquals(Records.reviewRequest().comment(), r.getComment());
    }
}
