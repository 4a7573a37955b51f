package io.vigil.agent.filter;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What one user looked up in one clock hour, as counts per domain: the "sites visited" report the filtering
 * standards ask for, without keeping every query.
 *
 * @param hour start of the UTC clock hour the counts cover
 */
public record BrowsingSummary(UUID uuid, String user, Instant hour, Map<String, Integer> requestsByDomain) {

    public BrowsingSummary {
        requestsByDomain = Map.copyOf(requestsByDomain);
    }
}
