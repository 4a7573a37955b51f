package io.vigil.console.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UrgentNotifierTest {

    @Test
    void retriesBackOffFromFiveSecondsToAQuarterHour() {
        assertEquals(Duration.ofSeconds(5), UrgentNotifier.backoff(0));
        assertEquals(Duration.ofSeconds(10), UrgentNotifier.backoff(1));
        assertEquals(Duration.ofSeconds(80), UrgentNotifier.backoff(4));
        assertEquals(Duration.ofMinutes(15), UrgentNotifier.backoff(8));
        assertEquals(Duration.ofMinutes(15), UrgentNotifier.backoff(1_000));
    }

    @Test
    void theSubjectNamesOnlyTheSchool() {
        assertEquals("Urgent safeguarding alert for Oak School", UrgentNotifier.subjectFor("Oak School"));
    }
}
