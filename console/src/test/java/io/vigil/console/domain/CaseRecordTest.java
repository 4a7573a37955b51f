package io.vigil.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseRecordTest {

    private static CaseRecord withStatus(AlertStatus status, boolean acknowledged, boolean hold) {
        return new CaseRecord("u", status, Optional.empty(), acknowledged
                ? Optional.of(new CaseRecord.Acknowledgement("mrs.khan", Instant.EPOCH)) : Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), hold, List.of(), List.of(), List.of());
    }

    @Test
    void aCaseIsClosedOnlyWithAnOutcome() {
        assertEquals("a case is closed by recording its outcome", assertThrows(InvalidCaseChangeException.class,
                () -> new CaseChange.MoveTo(AlertStatus.CLOSED)).getMessage());
        assertEquals("choose the outcome to close the case", assertThrows(InvalidCaseChangeException.class,
                () -> new CaseChange.Close(null)).getMessage());
    }

    @Test
    void changesThatWouldNotChangeAnythingAreRefusedInWords() {
        assertEquals("already acknowledged by mrs.khan", assertThrows(InvalidCaseChangeException.class,
                () -> withStatus(AlertStatus.IN_REVIEW, true, false).check(new CaseChange.Acknowledge())).getMessage());
        assertEquals("the case is already escalated", assertThrows(InvalidCaseChangeException.class,
                () -> withStatus(AlertStatus.ESCALATED, false, false).check(new CaseChange.MoveTo(AlertStatus.ESCALATED)))
                .getMessage());
        assertThrows(InvalidCaseChangeException.class,
                () -> withStatus(AlertStatus.CLOSED, false, false).check(new CaseChange.Close(Outcome.EARLY_HELP)));
        assertThrows(InvalidCaseChangeException.class,
                () -> withStatus(AlertStatus.NEW, false, true).check(new CaseChange.LegalHold(true)));
    }

    @Test
    void aClosedCaseCanBeReopenedAndNotesAreAlwaysWelcome() {
        CaseRecord closed = withStatus(AlertStatus.CLOSED, true, false);
        closed.check(new CaseChange.MoveTo(AlertStatus.IN_REVIEW));
        closed.check(new CaseChange.AddNote("Pupil returned to school."));
    }

    @Test
    void emptyAndOverlongInputIsRefused() {
        assertThrows(InvalidCaseChangeException.class, () -> new CaseChange.AddNote("   "));
        assertThrows(InvalidCaseChangeException.class, () -> new CaseChange.AddNote("x".repeat(CaseChange.MAX_NOTE + 1)));
        assertThrows(InvalidCaseChangeException.class, () -> new CaseChange.RecordCpoms(""));
        assertThrows(InvalidCaseChangeException.class,
                () -> new CaseChange.AddReferral(Agency.POLICE, null, "ref"));
        assertThrows(InvalidCaseChangeException.class, () -> new CaseChange.ParentsNotInformed(null));
    }
}
