/**
 * Who is signed in, and whether the screen is locked, at the moment each key is typed.
 *
 * <p>Why this is its own concern: the keyboard hook hears keys the pupil's apps never see. Under X11 a
 * screen locker takes the keyboard with a grab and often never becomes the "active window" the window
 * watcher reports, so the unlock password would be captured as ordinary typing. And on a shared laptop
 * (fast user switching) an alert must name the user signed in when the text was typed, not the one who
 * started the agent.
 *
 * <p>How it fits: {@link io.vigil.agent.capture.session.SessionAwareFocus} wraps the window watcher's
 * probe, so session changes are looked at on the capture queue's thread and ordered against keys exactly
 * like window changes (ambiguous keys go to the lock screen). A locked screen is reported as a secret
 * window ({@link io.vigil.agent.capture.WindowFocused#lockScreen}); the match layer drops everything typed
 * into it. A change of user is reported on the next window event, which ends the line being typed.
 *
 * <p>Fail closed: a lock signal that cannot answer counts as locked. The signals themselves are small and
 * separate ({@link io.vigil.agent.capture.session.LockSignal}); native ones (X11 keyboard grab, macOS
 * secure input, Windows UI Automation) live in {@code io.vigil.agent.platform}.
 */
package io.vigil.agent.capture.session;
