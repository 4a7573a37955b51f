package io.vigil.console.web;

import io.vigil.console.domain.Agency;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.CaseChange;
import io.vigil.console.domain.InvalidCaseChangeException;
import io.vigil.console.domain.Outcome;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Reads one case change from named fields: a form post from the alert page, or the JSON API's object. The
 * {@code action} field says which change; the others are that change's own fields.
 */
final class CaseChangeParams {

    static final String ACTIONS = "acknowledge, assign, status, note, close, cpoms, referral, parents_not_informed,"
            + " legal_hold";

    private CaseChangeParams() {
    }

    static CaseChange parse(Function<String, String> field) {
        String action = field.apply("action");
        return switch (action == null ? "" : action) {
            case "acknowledge" -> new CaseChange.Acknowledge();
            case "assign" -> new CaseChange.Assign(field.apply("assignee"));
            case "status" -> new CaseChange.MoveTo(status(field.apply("status")));
            case "note" -> new CaseChange.AddNote(field.apply("text"));
            case "close" -> new CaseChange.Close(blank(field.apply("outcome")) ? null
                    : Outcome.fromId(field.apply("outcome")));
            case "cpoms" -> new CaseChange.RecordCpoms(field.apply("reference"));
            case "referral" -> new CaseChange.AddReferral(blank(field.apply("agency")) ? null
                    : Agency.fromId(field.apply("agency")), date(field.apply("date")), field.apply("reference"));
            case "parents_not_informed" -> new CaseChange.ParentsNotInformed(field.apply("reason"));
            case "legal_hold" -> new CaseChange.LegalHold(Boolean.parseBoolean(field.apply("on")));
            default -> throw new InvalidCaseChangeException("action must be one of " + ACTIONS);
        };
    }

    private static AlertStatus status(String id) {
        try {
            return AlertStatus.fromId(id == null ? "" : id);
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseChangeException(e.getMessage());
        }
    }

    private static LocalDate date(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidCaseChangeException("the date must look like 2026-11-23");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
