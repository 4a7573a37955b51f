package io.vigil.agent.alert;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.agent.testing.Alerts;
import org.junit.jupiter.api.Test;

class AlertRecordTest {

    @Test
    void snippetsOverTheConsoleLimitAndBadSeveritiesAreRefused() {
        AlertRecord s = Alerts.sample();
        assertThrows(IllegalArgumentException.class, () -> new AlertRecord(s.uuid(), s.category(), 4, 1, s.ruleIds(),
                "x".repeat(501), s.app(), s.windowTitle(), s.url(), s.user(), s.occurredAt(), s.source(),
                s.listVersion()));
        assertThrows(IllegalArgumentException.class, () -> new AlertRecord(s.uuid(), s.category(), 6, 1, s.ruleIds(),
                s.snippet(), s.app(), s.windowTitle(), s.url(), s.user(), s.occurredAt(), s.source(),
                s.listVersion()));
    }
}
