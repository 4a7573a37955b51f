package io.vigil.agent.filter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.vigil.agent.alert.BrowsingSummaryRecord;

/**
 * Counts allowed look-ups per user, per domain, per clock hour. A closed hour becomes one
 * {@link BrowsingSummaryRecord} per user; the open hour stays in memory until it closes or the agent stops.
 * Bounded: past {@link #MAX_DOMAINS_PER_HOUR} distinct names a user's extra names are counted under "(other)",
 * so a page that looks up thousands of random names cannot grow memory or the spool.
 */
public final class BrowsingCounter {

    static final int MAX_DOMAINS_PER_HOUR = 2_000;
    static final String OTHER = "(other)";

    private record Key(String user, Instant hour) {
    }

    private final Map<Key, Map<String, Integer>> counts = new HashMap<>();

    public synchronized void count(String user, String domain, Instant at) {
        Map<String, Integer> byDomain = counts.computeIfAbsent(new Key(user, at.truncatedTo(ChronoUnit.HOURS)),
                k -> new HashMap<>());
        String name = byDomain.containsKey(domain) || byDomain.size() < MAX_DOMAINS_PER_HOUR ? domain : OTHER;
        byDomain.merge(name, 1, Integer::sum);
    }

    /** Summaries of every hour that ended before {@code now}, removed from the counter. */
    public synchronized List<BrowsingSummaryRecord> closedBefore(Instant now) {
        return drain(now.truncatedTo(ChronoUnit.HOURS));
    }

    /** Every summary, the open hour included: on shutdown, so nothing counted is lost. */
    public synchronized List<BrowsingSummaryRecord> drainAll() {
        return drain(Instant.MAX);
    }

    private List<BrowsingSummaryRecord> drain(Instant before) {
        List<BrowsingSummaryRecord> out = new ArrayList<>();
        counts.entrySet().removeIf(e -> {
            if (!e.getKey().hour().isBefore(before)) {
                return false;
            }
            out.add(BrowsingSummaryRecord.of(e.getKey().user(), e.getKey().hour(), e.getValue()));
            return true;
        });
        return out;
    }
}
