package io.vigil.console.domain;

import java.time.LocalDate;

/**
 * One thing a DSL does to an alert's case. Each kind checks its own input; {@link CaseRecord#check} decides
 * whether it may be made to the case as it stands. {@link #kind()} is what the history and audit log name.
 */
public sealed interface CaseChange {

    int MAX_NOTE = 10_000;
    int MAX_REFERENCE = 100;
    int MAX_REASON = 1_000;

    /** The change's id in the alert's history, e.g. {@code assigned}. */
    String kind();

    /** What changed, in words, for the history (never the note's text: that lives in the notes). */
    String describe();

    record Acknowledge() implements CaseChange {
        public String kind() { return "acknowledged"; }
        public String describe() { return "acknowledged"; }
    }

    record Assign(String assignee) implements CaseChange {
        public Assign {
            assignee = required(assignee, "choose who to assign the alert to", 100);
        }
        public String kind() { return "assigned"; }
        public String describe() { return "assigned to " + assignee; }
    }

    /** Moves between new, in review and escalated; closing takes an outcome ({@link Close}). */
    record MoveTo(AlertStatus status) implements CaseChange {
        public MoveTo {
            if (status == null || status == AlertStatus.CLOSED) {
                throw new InvalidCaseChangeException("a case is closed by recording its outcome");
            }
        }
        public String kind() { return "status"; }
        public String describe() { return "status " + status.label(); }
    }

    record Close(Outcome outcome) implements CaseChange {
        public Close {
            if (outcome == null) {
                throw new InvalidCaseChangeException("choose the outcome to close the case");
            }
        }
        public String kind() { return "closed"; }
        public String describe() { return "closed: " + outcome.label(); }
    }

    record AddNote(String text) implements CaseChange {
        public AddNote {
            text = required(text, "the note is empty", MAX_NOTE);
        }
        public String kind() { return "note"; }
        public String describe() { return "note added"; }
    }

    record RecordCpoms(String reference) implements CaseChange {
        public RecordCpoms {
            reference = required(reference, "enter the CPOMS reference", MAX_REFERENCE);
        }
        public String kind() { return "cpoms"; }
        public String describe() { return "recorded on CPOMS as " + reference; }
    }

    record AddReferral(Agency agency, LocalDate on, String reference) implements CaseChange {
        public AddReferral {
            if (agency == null) {
                throw new InvalidCaseChangeException("choose the agency the referral went to");
            }
            if (on == null) {
                throw new InvalidCaseChangeException("enter the date of the referral");
            }
            reference = required(reference, "enter the agency's reference", 200);
        }
        public String kind() { return "referral"; }
        public String describe() { return "referred to " + agency.label() + " on " + on + ", reference " + reference; }
    }

    /** Parents or carers were not told, on the advice of the police or children's social care. */
    record ParentsNotInformed(String reason) implements CaseChange {
        public ParentsNotInformed {
            reason = required(reason, "say whose advice it was and why parents were not informed", MAX_REASON);
        }
        public String kind() { return "parents_not_informed"; }
        public String describe() { return "parents not informed on advice: " + reason; }
    }

    record LegalHold(boolean on) implements CaseChange {
        public String kind() { return "legal_hold"; }
        public String describe() { return on ? "legal hold placed: kept whatever the retention period"
                : "legal hold lifted"; }
    }

    private static String required(String value, String problem, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidCaseChangeException(problem);
        }
        if (v.length() > max) {
            throw new InvalidCaseChangeException("at most " + max + " characters, please (" + v.length() + " given)");
        }
        return v;
    }
}
