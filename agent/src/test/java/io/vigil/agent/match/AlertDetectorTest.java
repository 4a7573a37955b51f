package io.vigil.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.capture.KeyTyped;
import io.vigil.agent.capture.LineBreak;
import io.vigil.agent.capture.WindowFocused;
import io.vigil.keywords.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertDetectorTest {

    /** Flags any text containing "hurt"; records everything it was shown. */
    private static final class FakeScanner implements TextScanner {
        final List<String> scanned = new ArrayList<>();

        @Override
        public Verdict scan(String text) {
            scanned.add(text);
            int at = text.indexOf("hurt");
            return at < 0 ? Verdict.NONE
                    : new Verdict(true, "self_harm", 4, 7, List.of("sh-001"), "…" + text.substring(at) + "…", at,
                            at + 4);
        }

        @Override
        public String version() {
            return "sha256:test";
        }
    }

    private final FakeScanner scanner = new FakeScanner();
    private final MutableClock clock = new MutableClock();
    private final List<AlertRecord> alerts = new ArrayList<>();
    private final AlertDetector detector = new AlertDetector(scanner, new SignInWindowGuard(), clock,
            Duration.ofSeconds(10), "j.smith", "replay", alerts::add);

    private void type(String text) {
        text.chars().forEach(c -> detector.accept(new KeyTyped((char) c)));
    }

    @Test
    void aMatchingLineBecomesOneAlertCarryingOnlyTheSnippet() {
        detector.accept(new WindowFocused("Chat", "replay"));
        type("some unrelated words then I want to hurt myself");
        detector.accept(new LineBreak());
        detector.flush();
        detector.accept(new LineBreak());

        assertEquals(1, alerts.size());
        AlertRecord a = alerts.getFirst();
        assertEquals("self_harm", a.category());
        assertEquals(4, a.severity());
        assertEquals(7, a.score());
        assertEquals(List.of("sh-001"), a.ruleIds());
        assertEquals("…hurt myself…", a.snippet());
        assertFalse(a.snippet().contains("unrelated"));
        assertEquals("replay", a.app());
        assertEquals("Chat", a.windowTitle());
        assertEquals("", a.url());
        assertEquals("j.smith", a.user());
        assertEquals("replay", a.source());
        assertEquals("sha256:test", a.listVersion());
        assertEquals(clock.instant(), a.occurredAt());
    }

    @Test
    void harmlessTextRaisesNothing() {
        detector.accept(new WindowFocused("Chat", "replay"));
        type("see you at lunch");
        detector.accept(new LineBreak());
        assertTrue(alerts.isEmpty());
        assertEquals(List.of("Chat", "see you at lunch"), scanner.scanned);
    }

    @Test
    void windowTitlesAreScannedAsTheirOwnSourceButOnlyOnceWhileRecent() {
        detector.accept(new WindowFocused("how to hurt yourself - Search", "chrome"));
        detector.accept(new WindowFocused("Chat", "teams"));
        detector.accept(new WindowFocused("how to hurt yourself - Search", "chrome"));
        assertEquals(1, alerts.size());
        assertEquals("window_title", alerts.getFirst().source());
        assertEquals("how to hurt yourself - Search", alerts.getFirst().windowTitle());
    }

    @Test
    void textTypedInASignInWindowNeverReachesTheScanner() {
        detector.accept(new WindowFocused("Sign in - Google", "chrome"));
        type("hurt-password-123");
        detector.accept(new LineBreak());
        detector.flush();
        assertTrue(alerts.isEmpty());
        assertTrue(scanner.scanned.stream().noneMatch(s -> s.contains("password-123")), scanner.scanned.toString());
    }

    @Test
    void anIdleLineIsScannedOnceAndNotAgainOnEnter() {
        detector.accept(new WindowFocused("Chat", "teams"));
        type("I will hurt him");
        clock.advance(Duration.ofSeconds(11));
        detector.flushIfIdle();
        detector.accept(new LineBreak());
        assertEquals(1, alerts.size());
    }

    @Test
    void aHugeWindowTitleIsCutBeforeItReachesTheSpool() {
        // An alert over the console's 4 MiB message limit would be refused on every resend and hold up
        // every alert behind it; the console keeps only 1000 characters of a title anyway.
        String title = "hurt " + "x".repeat(5 * 1024 * 1024);
        detector.accept(new WindowFocused(title, "replay"));
        type("I want to hurt myself");
        detector.accept(new LineBreak());

        assertEquals(2, alerts.size());
        for (AlertRecord a : alerts) {
            assertEquals(AlertRecord.MAX_WINDOW_TITLE_CHARS, a.windowTitle().length(), a.source());
            assertTrue(title.startsWith(a.windowTitle()));
        }
    }
}
