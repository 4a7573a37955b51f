package io.vigil.agent.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Alerts name the user signed in when the text was typed; nothing typed into a lock screen is kept. */
class SessionChangeTest {

    private final List<String> scanned = new ArrayList<>();
    private final List<AlertRecord> alerts = new ArrayList<>();
    private final AlertDetector detector = new AlertDetector(new TextScanner() {
        @Override
        public Verdict scan(String text) {
            scanned.add(text);
            int at = text.indexOf("hurt");
            return at < 0 ? Verdict.NONE
                    : new Verdict(true, "self_harm", 4, 7, List.of("sh-001"), text, at, at + 4);
        }

        @Override
        public String version() {
            return "sha256:test";
        }
    }, new SignInWindowGuard(), new MutableClock(), Duration.ofSeconds(10), "amy", "keyboard", alerts::add);

    private void type(String text) {
        text.chars().forEach(c -> detector.accept(new KeyTyped((char) c)));
    }

    @Test
    void textTypedBeforeASwitchIsTheFormerUsersAndAfterItTheNewUsers() {
        detector.accept(new WindowFocused("Chat", "teams", "amy", false));
        type("i want to hurt myself");
        detector.accept(new WindowFocused("Chat", "teams", "ben", false)); // ends amy's line
        type("they hurt me");
        detector.accept(new LineBreak());

        assertEquals(List.of("amy", "ben"), alerts.stream().map(AlertRecord::user).toList());
        assertEquals(List.of("i want to hurt myself", "they hurt me"), alerts.stream().map(AlertRecord::snippet).toList());
    }

    @Test
    void aTitleAlertedForOneUserAlertsAgainForTheNext() {
        detector.accept(new WindowFocused("how to hurt yourself - Search", "chrome", "amy", false));
        detector.accept(new WindowFocused("Chat", "teams", "ben", false));
        detector.accept(new WindowFocused("how to hurt yourself - Search", "chrome", "ben", false));
        assertEquals(List.of("amy", "ben"), alerts.stream().map(AlertRecord::user).toList());
    }

    @Test
    void nothingTypedWhileTheScreenIsLockedIsScannedOrKept() {
        detector.accept(new WindowFocused("Chat", "teams", "amy", false));
        detector.accept(WindowFocused.lockScreen("amy"));
        type("hurtpassword123");
        detector.accept(new LineBreak());
        detector.accept(new WindowFocused("Chat", "teams", "amy", false));
        detector.flush();

        assertTrue(alerts.isEmpty());
        assertTrue(scanned.stream().noneMatch(s -> s.contains("password")), "scanned: " + scanned);
    }

    @Test
    void aWindowThePlatformMarksSecretIsSuppressedWhateverItsTitle() {
        detector.accept(new WindowFocused("Chat - Chrome", "chrome", "amy", true));
        type("i will hurt someone");
        detector.accept(new LineBreak());
        assertTrue(alerts.isEmpty());
        assertTrue(scanned.stream().noneMatch(s -> s.contains("someone")));
    }
}
