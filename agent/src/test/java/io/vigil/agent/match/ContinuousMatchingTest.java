package io.vigil.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.capture.KeyTyped;
import io.vigil.agent.capture.LineBreak;
import io.vigil.agent.capture.WindowFocused;
import io.vigil.keywords.KeywordEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching as text grows and from window titles, with the real bundled lists. */
class ContinuousMatchingTest {

    private static final TextScanner SCANNER = new KeywordScanner(KeywordEngine.bundled());

    private final MutableClock clock = new MutableClock();
    private final List<AlertRecord> alerts = new ArrayList<>();
    private final AlertDetector detector = new AlertDetector(SCANNER, new SignInWindowGuard(), clock,
            Duration.ofSeconds(10), "pupil.one", "keyboard", alerts::add);

    private void typeSlowly(String text, Duration perChar) {
        for (char c : text.toCharArray()) {
            detector.accept(new KeyTyped(c));
            clock.advance(perChar);
            detector.flushIfIdle(); // the agent's timer runs every second
        }
    }

    @Test
    void aPhraseTypedOverTwentySecondsAlertsBeforeTheLineEnds() {
        detector.accept(new WindowFocused("Chat - Discord", "discord"));
        String phrase = "i want to kill myself";
        typeSlowly(phrase, Duration.ofMillis(20_000 / phrase.length()));
        clock.advance(Duration.ofSeconds(2));
        detector.flushIfIdle();
        assertEquals(1, alerts.size(), alerts::toString);
        assertEquals("suicide", alerts.getFirst().category());
        assertEquals("keyboard", alerts.getFirst().source());
    }

    @Test
    void aFindingIsRaisedOnceHoweverMuchTheLineGrowsAfterIt() {
        detector.accept(new WindowFocused("Chat - Discord", "discord"));
        typeSlowly("i want to kill myself", Duration.ofMillis(1500));
        typeSlowly(" and nobody will care at all", Duration.ofMillis(1500));
        detector.accept(new LineBreak());
        assertEquals(1, alerts.stream().filter(a -> a.category().equals("suicide")).count(), alerts::toString);
    }

    @Test
    void aSearchTitleRaisesASearchTermAlertShowingTheWholeQueryOnce() {
        String title = "how to kill myself painlessly - Google Search - Chromium";
        detector.accept(new WindowFocused(title, "chromium"));
        detector.accept(new WindowFocused("Homework", "gedit"));
        detector.accept(new WindowFocused(title, "chromium"));
        assertEquals(1, alerts.size(), alerts::toString);
        AlertRecord a = alerts.getFirst();
        assertEquals("search_term", a.source());
        assertEquals("how to kill myself painlessly", a.snippet());
        assertEquals(title, a.windowTitle());
        assertEquals("chromium", a.app());
    }

    @Test
    void nothingTypedIntoASignInWindowIsScannedEvenWhenItIsAConcern() {
        detector.accept(new WindowFocused("Sign in - Google Accounts - Chromium", "chromium"));
        typeSlowly("i want to kill myself", Duration.ofMillis(1500));
        detector.accept(new LineBreak());
        assertTrue(alerts.isEmpty(), alerts::toString);
    }
}
