package io.vigil.console.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An alert's casework as it stands: workflow state, what was recorded, the notes and referrals, and the
 * history of every change (oldest first).
 */
public record CaseRecord(String alertUuid, AlertStatus status, Optional<String> assignee,
                         Optional<Acknowledgement> acknowledged, Optional<Outcome> outcome,
                         Optional<String> cpomsReference, Optional<String> parentsNotInformed, boolean legalHold,
                         List<Note> notes, List<Referral> referrals, List<Event> history) {

    public CaseRecord {
        notes = List.copyOf(notes);
        referrals = List.copyOf(referrals);
        history = List.copyOf(history);
    }

    public record Acknowledgement(String by, Instant at) {
    }

    public record Note(Instant at, String author, String text) {
    }

    public record Referral(Agency agency, LocalDate on, String reference, String recordedBy, Instant recordedAt) {
    }

    /** One line of the alert's history: who changed what, when. */
    public record Event(Instant at, String actor, String change, String detail) {
    }

    /**
     * Refuses a change that makes no sense for the case as it stands, so the history stays a true account.
     *
     * @throws InvalidCaseChangeException saying why
     */
    public void check(CaseChange change) {
        switch (change) {
            case CaseChange.Acknowledge a when acknowledged.isPresent() ->
                    throw new InvalidCaseChangeException("already acknowledged by " + acknowledged.get().by());
            case CaseChange.MoveTo m when m.status() == status ->
                    throw new InvalidCaseChangeException("the case is already " + status.label().toLowerCase());
            case CaseChange.Close c when status == AlertStatus.CLOSED ->
                    throw new InvalidCaseChangeException("the case is already closed; reopen it first");
            case CaseChange.LegalHold h when h.on() == legalHold ->
                    throw new InvalidCaseChangeException(legalHold ? "the case is already under legal hold"
                            : "the case is not under legal hold");
            default -> {
            }
        }
    }
}
