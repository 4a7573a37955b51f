package io.vigil.console.domain;

import java.time.Instant;

/**
 * A concern a DSL logs by hand, linked to a pupil: it becomes an alert without a device and follows the same
 * workflow.
 *
 * @param pupil   the pupil's username as the school's devices know it
 * @param summary what happened, briefly (the case notes hold the detail)
 */
public record NewIncident(long schoolId, String pupil, String category, int severity, IncidentRoute route,
                          String summary, Instant occurredAt) {

    public static final int MAX_SUMMARY = 500;

    public NewIncident {
        pupil = pupil == null ? "" : pupil.strip();
        summary = summary == null ? "" : summary.strip();
        if (pupil.isEmpty() || pupil.length() > 200) {
            throw new InvalidCaseChangeException("enter the pupil's username (up to 200 characters)");
        }
        if (category == null || !category.matches("[a-z_]{1,64}")) {
            throw new InvalidCaseChangeException("choose a category");
        }
        if (severity < 1 || severity > 5) {
            throw new InvalidCaseChangeException("choose a severity from 1 to 5");
        }
        if (route == null) {
            throw new InvalidCaseChangeException("choose how the concern came to you");
        }
        if (summary.isEmpty() || summary.length() > MAX_SUMMARY) {
            throw new InvalidCaseChangeException("write a summary of up to " + MAX_SUMMARY
                    + " characters (the notes can hold the rest)");
        }
        if (occurredAt == null) {
            throw new InvalidCaseChangeException("enter when it happened");
        }
    }
}
