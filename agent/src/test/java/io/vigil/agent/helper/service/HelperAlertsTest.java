package io.vigil.agent.helper.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.helper.wire.HelperMessage.MatchedAlert;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelperAlertsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final HelperAlerts alerts = new HelperAlerts(InstantSource.fixed(NOW));

    private static MatchedAlert alert(String category, int severity, String source, Instant at) {
        return new MatchedAlert("0b6c1f8e-3c39-4c8b-9a55-2f0a4c1b7d10", category, severity, 10, List.of("r1"),
                "a bounded snippet", "chromium", "Chat", "", at.toEpochMilli(), source, "sha256:x", "en");
    }

    @Test
    void theUserIsTheOneTheKernelVouchedForAndTheTimeIsKept() {
        AlertRecord r = alerts.toRecord("pupil.one", alert("self_harm", 4, "keyboard", NOW.minusSeconds(30)));
        assertEquals("pupil.one", r.user());
        assertEquals(NOW.minusSeconds(30), r.occurredAt());
        assertEquals("self_harm", r.category());
        assertTrue(r.screenshot().isEmpty());
    }

    @Test
    void aTimeFarFromTheServicesClockIsReplacedByNow() {
        assertEquals(NOW, alerts.toRecord("p", alert("bullying", 2, "keyboard", NOW.minusSeconds(86_400))).occurredAt());
        assertEquals(NOW, alerts.toRecord("p", alert("bullying", 2, "keyboard", NOW.plusSeconds(3_600))).occurredAt());
    }

    @Test
    void malformedFieldsAreRefusedNamingTheField() {
        assertEquals("severity: 9 is outside 1-5", assertThrows(IllegalArgumentException.class,
                () -> alerts.toRecord("p", alert("bullying", 9, "keyboard", NOW))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> alerts.toRecord("p", alert("Bad Category!", 3, "keyboard", NOW))).getMessage().startsWith("category"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> alerts.toRecord("p", alert("bullying", 3, "keylogger", NOW))).getMessage().startsWith("source"));
        MatchedAlert badUuid = new MatchedAlert("not-a-uuid", "bullying", 3, 1, List.of(), "s", "", "", "", 0,
                "keyboard", "", "");
        assertEquals("uuid: not a UUID", assertThrows(IllegalArgumentException.class,
                () -> alerts.toRecord("p", badUuid)).getMessage());
    }
}
