package io.vigil.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The inbox shows school time (Europe/London), so a summer evening alert reads as the DSL's own clock. */
class InboxTimeTest {

    @Test
    void summerTimesAreBritishSummerTime() {
        assertEquals("1 Jul 2026 21:40 BST", InboxPage.TIME.format(Instant.parse("2026-07-01T20:40:00Z")));
    }

    @Test
    void winterTimesAreGreenwichMeanTime() {
        assertEquals("2 Dec 2026 06:17 GMT", InboxPage.TIME.format(Instant.parse("2026-12-02T06:17:00Z")));
    }
}
