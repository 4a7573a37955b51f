package io.vigil.console.notify;

import io.vigil.console.domain.InvalidCaseChangeException;
import java.util.regex.Pattern;

/** A safeguarding user on call for a school, and the address urgent-alert emails go to. */
public record OnCallPerson(String username, String email) {

    /** Deliberately loose: the mail server is the judge of an address; this only catches obvious slips. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,<>\"]+@[^@\\s,<>\"]+\\.[^@\\s,<>\"]+");

    public OnCallPerson {
        if (username == null || username.isBlank()) {
            throw new InvalidCaseChangeException("an on-call entry has no username");
        }
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new InvalidCaseChangeException("on-call user " + username + " has no valid email address: '"
                    + email + "'");
        }
    }
}
