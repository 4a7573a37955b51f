package io.vigil.agent.match;

import java.util.regex.Pattern;

/**
 * Recognises windows where a pupil types a password, so their keystrokes are dropped before they are
 * assembled into text at all. Deliberately over-eager: losing a line typed in a window called
 * "Login tips" costs far less than ever holding a password.
 */
public final class SignInWindowGuard {

    private static final Pattern SIGN_IN = Pattern.compile(
            "\\bsign[\\s_-]?(in|on)\\b|\\blog[\\s_-]?(in|on)\\b|pass(word|code|phrase)|\\bpin\\b|credentials|two[\\s-]?factor|\\b2fa\\b"
                    + "|verification code|one[\\s-]?time code|authenticat",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    public boolean isSignInWindow(String title) {
        return SIGN_IN.matcher(title).find();
    }
}
