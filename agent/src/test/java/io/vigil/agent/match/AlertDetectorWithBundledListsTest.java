package io.vigil.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.capture.KeyBackspace;
import io.vigil.agent.capture.KeyTyped;
import io.vigil.agent.capture.LineBreak;
import io.vigil.agent.capture.WindowFocused;
import io.vigil.keywords.KeywordEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector with the real keyword engine and the lists shipped in the product. */
class AlertDetectorWithBundledListsTest {

    private static final KeywordScanner SCANNER = new KeywordScanner(KeywordEngine.bundled());

    private final List<AlertRecord> alerts = new ArrayList<>();
    private final AlertDetector detector = new AlertDetector(SCANNER, new SignInWindowGuard(), new MutableClock(),
            Duration.ofSeconds(10), "j.smith", "replay", alerts::add);

    private void typeLine(String text) {
        text.chars().forEach(c -> detector.accept(new KeyTyped((char) c)));
        detector.accept(new LineBreak());
    }

    @Test
    void aTypedSuicidalStatementRaisesASeverityFiveAlert() {
        detector.accept(new WindowFocused("Year 9 chat - Teams", "replay"));
        typeLine("see you at lunch");
        typeLine("I want to kill myself tonight");
        assertEquals(1, alerts.size());
        AlertRecord a = alerts.getFirst();
        assertEquals("suicide", a.category());
        assertEquals(5, a.severity());
        assertTrue(a.listVersion().startsWith("sha256:"), a.listVersion());
        assertTrue(a.snippet().length() <= 200);
    }

    @Test
    void anAlertSaysWhichLanguageThePupilWroteIn() {
        detector.accept(new WindowFocused("Messenger", "replay"));
        typeLine("zabije sie dzisiaj w nocy, mam tabletki mamy");
        assertEquals(1, alerts.size());
        assertEquals("pl", alerts.getFirst().language());
        typeLine("I want to kill myself tonight");
        assertEquals("en", alerts.getLast().language());
    }

    @Test
    void correctionsWithBackspaceAreMatchedAsTheyWereFinallyTyped() {
        detector.accept(new WindowFocused("Notes", "replay"));
        "I have been cutting mz".chars().forEach(c -> detector.accept(new KeyTyped((char) c)));
        detector.accept(new KeyBackspace());
        typeLine("yself again");
        assertEquals("self_harm", alerts.getFirst().category());
    }

    @Test
    void aConcerningSearchInTheWindowTitleRaisesASearchTermAlert() {
        detector.accept(new WindowFocused("how to self harm - Google Search", "replay"));
        assertEquals("search_term", alerts.getFirst().source());
        assertEquals("how to self harm", alerts.getFirst().snippet());
        assertEquals("self_harm", alerts.getFirst().category());
    }

    @Test
    void nothingTypedIntoASignInWindowIsScannedEvenIfItWouldMatch() {
        detector.accept(new WindowFocused("Sign in - Google Accounts", "replay"));
        typeLine("I want to kill myself tonight");
        assertTrue(alerts.isEmpty());
    }
}
