package io.vigil.agent.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpDeskTest {

    private final List<AlertRecord> raised = new ArrayList<>();
    private final HelpDesk desk = new HelpDesk(raised::add, () -> "pupil.one", 4,
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aRequestBecomesAPupilRequestAlertWithThePupilsWords() {
        desk.ask(HelpRequest.NEED_HELP, "  someone keeps messaging me\r\nat night  ");
        AlertRecord a = raised.getFirst();
        assertEquals("pupil_request", a.category());
        assertEquals("pupil_request", a.source());
        assertEquals(4, a.severity());
        assertEquals("someone keeps messaging me\nat night", a.snippet());
        assertEquals("I need help", a.windowTitle());
        assertEquals(List.of("pupil_request.need_help"), a.ruleIds());
        assertEquals("pupil.one", a.user());
        assertTrue(a.screenshot().isEmpty());
    }

    @Test
    void withoutWordsTheSnippetSaysWhatWasAskedFor() {
        desk.ask(HelpRequest.REPORT, "");
        assertEquals("I want to report something I saw", raised.getFirst().snippet());
    }

    @Test
    void wordsOverTheLimitAreRefusedNotCut() {
        desk.ask(HelpRequest.NEED_HELP, "x".repeat(HelpDesk.MAX_WORDS));
        var e = assertThrows(IllegalArgumentException.class, () -> desk.ask(HelpRequest.NEED_HELP, "x".repeat(501)));
        assertTrue(e.getMessage().contains("500"), e.getMessage());
        assertEquals(1, raised.size());
    }
}
