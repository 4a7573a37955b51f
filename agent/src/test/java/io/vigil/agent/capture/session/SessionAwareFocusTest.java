package io.vigil.agent.capture.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.capture.FocusProbe;
import io.vigil.agent.capture.WindowFocused;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionAwareFocusTest {

    /** A window list that reports only changes, like the real watcher, and can be told to forget. */
    private static final class Windows implements FocusProbe {
        WindowFocused front = new WindowFocused("Chat - Teams", "teams");
        WindowFocused reported;
        int forgotten;

        @Override
        public Optional<WindowFocused> lookNow() {
            if (front.equals(reported)) {
                return Optional.empty();
            }
            reported = front;
            return Optional.of(front);
        }

        @Override
        public void forgetLast() {
            reported = null;
            forgotten++;
        }
    }

    /** Lock answers in turn (then unlocked), or "cannot answer" once; and the user signed in. */
    private static final class Scripted implements LockSignal, UserSource {
        final Deque<Optional<String>> locks = new ArrayDeque<>();
        boolean failNext;
        String user = "amy";

        @Override
        public Optional<String> lockedBecause() {
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("no answer");
            }
            return locks.isEmpty() ? Optional.empty() : locks.poll();
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public String currentUser() {
            return user;
        }
    }

    private static final class Secret implements SecretInputSignal {
        Boolean answer = false; // null: throws

        @Override
        public boolean active() {
            if (answer == null) {
                throw new UnsatisfiedLinkError("no such library");
            }
            return answer;
        }

        @Override
        public String name() {
            return "fake";
        }
    }

    private final Windows windows = new Windows();
    private final Scripted signals = new Scripted();
    private final Secret secret = new Secret();
    private final SessionAwareFocus focus = new SessionAwareFocus(windows,
            new DesktopSession(signals, List.of(signals), "amy"), secret, "amy");

    @Test
    void aLockIsReportedOnceAsASecretWindowAndTheWindowInFrontAgainWhenItEnds() {
        assertEquals(Optional.of(new WindowFocused("Chat - Teams", "teams", "amy", false)), focus.lookNow());

        signals.locks.add(Optional.of("screen locker i3lock holds the keyboard"));
        signals.locks.add(Optional.of("screen locker i3lock holds the keyboard"));
        assertEquals(Optional.of(WindowFocused.lockScreen("amy")), focus.lookNow());
        assertTrue(focus.lookNow().isEmpty(), "still locked: nothing new to report");

        assertEquals(Optional.of(new WindowFocused("Chat - Teams", "teams", "amy", false)), focus.lookNow(),
                "unlocked: the same window is reported again so typing is matched again");
    }

    @Test
    void aSignalThatCannotAnswerCountsAsLocked() {
        focus.lookNow();
        signals.failNext = true;
        assertEquals(Optional.of(WindowFocused.lockScreen("amy")), focus.lookNow());
    }

    @Test
    void anotherUserSignedInReportsTheWindowAgainNamingThem() {
        focus.lookNow();
        signals.user = "ben";
        assertEquals(Optional.of(new WindowFocused("Chat - Teams", "teams", "ben", false)), focus.lookNow());
        assertTrue(focus.lookNow().isEmpty());
    }

    @Test
    void aUserSwitchReachesTheCurrentUserHolderOnceAndItsListeners() {
        CurrentUser current = new CurrentUser("amy");
        List<String> heard = new java.util.ArrayList<>();
        current.onChange(heard::add);
        SessionAwareFocus watched = new SessionAwareFocus(windows,
                new DesktopSession(signals, List.of(signals), "amy"), secret, "amy", current::signedIn);
        watched.lookNow();
        assertEquals(List.of(), heard, "the user the agent started as is no switch");
        signals.user = "ben";
        watched.lookNow();
        watched.lookNow();
        assertEquals("ben", current.get());
        assertEquals(List.of("ben"), heard);
    }

    @Test
    void whileCapturePausedOnlyTheUserIsAskedAndASwitchIsStillHeard() {
        CurrentUser current = new CurrentUser("amy");
        SessionAwareFocus watched = new SessionAwareFocus(windows,
                new DesktopSession(signals, List.of(signals), "amy"), secret, "amy", current::signedIn);
        signals.user = "ben";
        signals.locks.add(Optional.of("must not be asked while paused"));
        watched.checkUser();
        assertEquals("ben", current.get());
        assertEquals(null, windows.reported, "no window looked at");
        assertEquals(1, signals.locks.size(), "no lock signal asked");
        assertEquals(Optional.of(WindowFocused.lockScreen("ben")), watched.lookNow(), "capture on again: all asked");
    }

    @Test
    void aUserSourceThatFailsKeepsTheLastUser() {
        DesktopSession session = new DesktopSession(() -> {
            throw new IllegalStateException("loginctl hung");
        }, List.of(), "amy");
        assertEquals("amy", session.read().user());
    }

    @Test
    void aPasswordFieldMarksTheSameWindowSecretAndItsEndUnmarksIt() {
        focus.lookNow();
        secret.answer = true;
        assertEquals(Optional.of(new WindowFocused("Chat - Teams", "teams", "amy", true)), focus.lookNow());
        assertTrue(focus.lookNow().isEmpty());
        secret.answer = false;
        assertEquals(Optional.of(new WindowFocused("Chat - Teams", "teams", "amy", false)), focus.lookNow());
    }

    @Test
    void aPasswordFieldSignalThatCannotAnswerCountsAsAPasswordField() {
        focus.lookNow();
        secret.answer = null;
        assertEquals(Optional.of(new WindowFocused("Chat - Teams", "teams", "amy", true)), focus.lookNow());
    }

    @Test
    void withoutAWindowListAnUnlockStillEndsTheLockScreen() {
        SessionAwareFocus blind = new SessionAwareFocus(FocusProbe.NONE,
                new DesktopSession(signals, List.of(signals), "amy"), secret, "amy");
        signals.locks.add(Optional.of("screen locked (logind LockedHint)"));
        assertEquals(Optional.of(WindowFocused.lockScreen("amy")), blind.lookNow());
        assertEquals(Optional.of(new WindowFocused("", "", "amy", false)), blind.lookNow());
    }
}
