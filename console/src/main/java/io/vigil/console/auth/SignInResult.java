package io.vigil.console.auth;

import io.vigil.console.domain.User;
import java.time.Duration;

/** The outcome of one sign-in attempt; the web layer maps each to a status and a plain-words message. */
public sealed interface SignInResult {

    record SignedIn(User user) implements SignInResult {
    }

    /** Wrong username or password: deliberately one answer, so usernames cannot be probed. */
    record WrongCredentials() implements SignInResult {
    }

    /** The password was right, but this account needs a code from the authenticator app (missing or wrong). */
    record CodeNeeded(boolean codeWasGiven) implements SignInResult {
    }

    /** The account needs a second factor but has none set up: only an administrator can fix that. */
    record SecondFactorNotSetUp() implements SignInResult {
    }

    /** Too many failures from this account or address, or too many sign-ins being checked at once. */
    record TryLater(Duration retryAfter, boolean busy) implements SignInResult {
    }
}
