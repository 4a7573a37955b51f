package io.vigil.agent.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.testing.Alerts;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AlertCodecTest {

    @Test
    void everyFieldSurvivesARoundTrip() throws IOException {
        AlertRecord a = Alerts.sample();
        assertEquals(a, AlertCodec.decode(AlertCodec.encode(a)));
    }

    @Test
    void titlesLongerThanSixtyFourKilobytesSurvive() throws IOException {
        AlertRecord s = Alerts.sample();
        AlertRecord a = new AlertRecord(s.uuid(), s.category(), s.severity(), s.score(), s.ruleIds(), s.snippet(),
                s.app(), "ü".repeat(70_000), "https://example.org/" + "x".repeat(70_000), s.user(), s.occurredAt(),
                s.source(), s.listVersion());
        assertEquals(a, AlertCodec.decode(AlertCodec.encode(a)));
    }

    @Test
    void bytesFromAnotherFormatAreRefused() {
        assertThrows(IOException.class, () -> AlertCodec.decode(new byte[] {9, 1, 2}));
        assertThrows(IOException.class, () -> AlertCodec.decode(new byte[] {1, 1, 2}));
    }
}
