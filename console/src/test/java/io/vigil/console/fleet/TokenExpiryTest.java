package io.vigil.console.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenExpiryTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aPeriodCountsFromNow() {
        assertEquals(NOW.plus(Duration.ofDays(7)), TokenExpiry.parse("7d", NOW));
        assertEquals(NOW.plus(Duration.ofHours(12)), TokenExpiry.parse(" 12H ", NOW));
    }

    @Test
    void aDateWorksToTheEndOfThatDay() {
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), TokenExpiry.parse("2026-12-31", NOW));
    }

    @Test
    void nonsenseThePastAndTheFarFutureAreRefusedWithTheReason() {
        assertTrue(assertThrows(ConsoleException.class, () -> TokenExpiry.parse("next week", NOW)).getMessage()
                .contains("give a period such as 7d"));
        assertTrue(assertThrows(ConsoleException.class, () -> TokenExpiry.parse("2026-11-01", NOW)).getMessage()
                .contains("not in the future"));
        assertTrue(assertThrows(ConsoleException.class, () -> TokenExpiry.parse("0d", NOW)).getMessage()
                .contains("not in the future"));
        assertTrue(assertThrows(ConsoleException.class, () -> TokenExpiry.parse("999d", NOW)).getMessage()
                .contains("each school year"));
    }
}
