package io.vigil.agent.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.BrowsingSummaryRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrowsingCounterTest {

    @Test
    void countsPerUserPerDomainPerHourAndReleasesOnlyClosedHours() {
        BrowsingCounter c = new BrowsingCounter();
        c.count("alice", "bbc.co.uk", Instant.parse("2026-12-02T10:05:00Z"));
        c.count("alice", "bbc.co.uk", Instant.parse("2026-12-02T10:59:59Z"));
        c.count("alice", "wikipedia.org", Instant.parse("2026-12-02T10:30:00Z"));
        c.count("bob", "bbc.co.uk", Instant.parse("2026-12-02T10:10:00Z"));
        c.count("alice", "bbc.co.uk", Instant.parse("2026-12-02T11:00:00Z"));

        List<BrowsingSummaryRecord> closed = c.closedBefore(Instant.parse("2026-12-02T11:00:30Z"));
        assertEquals(2, closed.size());
        BrowsingSummaryRecord alice = closed.stream().filter(s -> s.user().equals("alice")).findFirst().orElseThrow();
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), alice.hour());
        assertEquals(Map.of("bbc.co.uk", 2, "wikipedia.org", 1), alice.requestsByDomain());

        assertTrue(c.closedBefore(Instant.parse("2026-12-02T11:00:30Z")).isEmpty(), "released once");
        assertEquals(Map.of("bbc.co.uk", 1), c.drainAll().get(0).requestsByDomain(), "the open hour on shutdown");
    }

    @Test
    void aFloodOfRandomNamesIsBounded() {
        BrowsingCounter c = new BrowsingCounter();
        Instant at = Instant.parse("2026-12-02T10:00:00Z");
        for (int i = 0; i < 10_000; i++) {
            c.count("alice", "r" + i + ".example", at);
        }
        Map<String, Integer> counts = c.drainAll().get(0).requestsByDomain();
        assertEquals(BrowsingCounter.MAX_DOMAINS_PER_HOUR + 1, counts.size());
        assertEquals(10_000 - BrowsingCounter.MAX_DOMAINS_PER_HOUR, counts.get(BrowsingCounter.OTHER));
    }
}
