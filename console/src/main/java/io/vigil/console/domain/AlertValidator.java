package io.vigil.console.domain;

import java.util.regex.Pattern;

/**
 * Refuses alerts the console cannot store faithfully. Only fields that identify or classify an alert are
 * rejected; free-text context fields (window title, URL...) are trimmed to their column sizes on the way
 * in instead, because rejecting them would leave the alert stuck in the device spool for ever.
 */
public final class AlertValidator {

    public static final int MAX_SNIPPET_CHARS = 500;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public static void requireUuid(String uuid) {
        if (uuid == null || !UUID.matcher(uuid).matches()) {
            throw new InvalidAlertException("uuid", "must be a UUID like 123e4567-e89b-12d3-a456-426614174000");
        }
    }

    public void validate(NewAlert alert) {
        requireUuid(alert.uuid());
        // uint64 on the wire: values above 2^63-1 arrive negative in Java and are refused too.
        if (alert.sequence() <= 0) {
            throw new InvalidAlertException("sequence", "must be greater than 0");
        }
        if (Text.isBlank(alert.category())) {
            throw new InvalidAlertException("category", "must not be empty");
        }
        if (!CATEGORY.matcher(alert.category()).matches()) {
            throw new InvalidAlertException("category", "must be 1-64 letters, digits, '_', '.' or '-'");
        }
        if (alert.severity() < 1 || alert.severity() > 5) {
            throw new InvalidAlertException("severity", "must be 1 to 5, was " + alert.severity());
        }
        if (alert.snippet() != null && alert.snippet().length() > MAX_SNIPPET_CHARS) {
            throw new InvalidAlertException("snippet", "must be at most " + MAX_SNIPPET_CHARS
                    + " characters, was " + alert.snippet().length());
        }
    }
}
