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
    void theLanguageThePupilWroteInSurvivesARoundTrip() throws IOException {
        AlertRecord a = Alerts.sample().withLanguage("pl");
        assertEquals("pl", AlertCodec.decode(AlertCodec.encode(a)).language());
    }

    @Test
    void aRecordSpooledBeforeAlertsCarriedALanguageStillDecodes() throws IOException {
        AlertRecord a = Alerts.sample();
        byte[] current = AlertCodec.encode(a);
        // Format 2 is format 3 without the trailing language (writeUTF of "" is two zero bytes).
        byte[] format2 = java.util.Arrays.copyOf(current, current.length - 2);
        format2[0] = 2;
        assertEquals(a, AlertCodec.decode(format2));
        assertEquals("", AlertCodec.decode(format2).language());
    }

    @Test
    void bytesFromAnotherFormatAreRefused() {
        assertThrows(IOException.class, () -> AlertCodec.decode(new byte[] {9, 1, 2}));
        assertThrows(IOException.class, () -> AlertCodec.decode(new byte[] {1, 1, 2}));
    }
}
