package io.vigil.agent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.SpooledAlert;
import io.vigil.agent.platform.DeviceFacts;
import io.vigil.agent.testing.Alerts;
import io.vigil.proto.v1.Alert;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtoMapperTest {

    @Test
    void everyAlertFieldIsMappedToTheWire() {
        AlertRecord a = Alerts.sample();
        Alert wire = ProtoMapper.alert(new SpooledAlert(42, a));
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
}
