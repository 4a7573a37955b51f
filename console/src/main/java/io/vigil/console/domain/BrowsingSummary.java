package io.vigil.console.domain;

import java.time.Instant;
import java.util.Map;

/**
 * Allowed browsing as counts for one user and clock hour, as a device reported it.
 *
 * @param hour             start of the clock hour (UTC)
 * @param requestsByDomain registrable domain to request count
 */
public record BrowsingSummary(String uuid, String deviceId, long sequence, String user, Instant hour,
                              Map<String, Integer> requestsByDomain) {

    public BrowsingSummary {
        requestsByDomain = Map.copyOf(requestsByDomain);
    }
}
