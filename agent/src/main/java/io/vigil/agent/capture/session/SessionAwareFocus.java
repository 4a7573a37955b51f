package io.vigil.agent.capture.session;

import io.vigil.agent.capture.FocusProbe;
import io.vigil.agent.capture.WindowFocused;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window watcher's probe with the session folded in: at every look it first asks whether the screen
 * is locked and who is signed in, then whether the platform says keys go into a secret field, and only
 * then which window is in front. Runs on the capture queue's thread, so all of it is ordered against keys.
 *
 * <ul>
 *   <li>Locked (or cannot tell): reports the lock screen once, a secret window; the match layer drops
 *       everything typed until something else is reported.</li>
 *   <li>Unlocked again, another user, or the secret-field signal flipped: reports the window in front
 *       again even if it did not change, carrying the user and the secret flag.</li>
 * </ul>
 */
public final class SessionAwareFocus implements FocusProbe {

    private static final Logger log = LoggerFactory.getLogger(SessionAwareFocus.class);

    private final FocusProbe windows;
    private final DesktopSession session;
    private final SecretInputSignal secretInput;
    private final java.util.function.Consumer<String> onUserChange;
    private String user;
    private boolean locked;
    private boolean secret;
    private boolean warnedSecretSignal;
    private WindowFocused lastWindow = new WindowFocused("", "");

    /** @param initialUser the user the agent started as (what alerts carried until now) */
    public SessionAwareFocus(FocusProbe windows, DesktopSession session, SecretInputSignal secretInput,
                             String initialUser) {
        this(windows, session, secretInput, initialUser, u -> { });
    }

    /** @param userChanged told of each new signed-in user, on the thread that looks (the capture queue's) */
    public SessionAwareFocus(FocusProbe windows, DesktopSession session, SecretInputSignal secretInput,
                             String initialUser, java.util.function.Consumer<String> userChanged) {
        this.onUserChange = userChanged;
        this.windows = windows;
        this.session = session;
        this.secretInput = secretInput;
        this.user = initialUser;
    }

    @Override
    public Optional<WindowFocused> lookNow() {
        SessionState state = session.read();
        if (state.locked()) {
            if (locked) {
                return Optional.empty();
            }
            locked = true;
            log.info("{}: typed text is ignored until it ends", state.lockedBecause().get());
            windows.forgetLast();
            return Optional.of(WindowFocused.lockScreen(user));
        }
        boolean resumed = locked;
        locked = false;
        boolean userChanged = switchedTo(state.user());
        if (resumed) {
            log.info("screen unlocked: typed text is matched again");
        }
        boolean secretNow = secretInputActive();
        boolean secretChanged = secretNow != secret;
        secret = secretNow;
        Optional<WindowFocused> window = windows.lookNow();
        if (window.isPresent()) {
            lastWindow = window.get();
        } else if (resumed || userChanged || secretChanged) {
            window = Optional.of(lastWindow); // the window list has nothing new, but what it means has changed
        }
        return window.map(w -> w.withUser(user).withSecret(secretNow || w.secret()));
    }

    @Override
    public void forgetLast() {
        windows.forgetLast();
    }

    /**
     * Only who is signed in, for while capture is paused (outside the monitoring scope): no window is looked
     * at, but a user whose group is monitored can still take over the session and open capture again.
     */
    public void checkUser() {
        switchedTo(session.user());
    }

    private boolean switchedTo(String now) {
        if (now.equals(user)) {
            return false;
        }
        log.info("signed-in user changed from {} to {}: the line being typed ends, alerts name {}", user, now, now);
        user = now;
        windows.forgetLast();
        onUserChange.accept(user);
        return true;
    }

    /** Fails closed: a signal that cannot answer counts as "typing goes into a password field". */
    private boolean secretInputActive() {
        try {
            return secretInput.active();
        } catch (RuntimeException | LinkageError e) {
            if (!warnedSecretSignal) {
                warnedSecretSignal = true;
                log.warn("cannot ask {} whether a password field has focus ({}); typed text is ignored while it "
                        + "cannot answer", secretInput.name(), e.toString());
            }
            return true;
        }
    }
}
