package io.vigil.agent.filter;

import java.time.Instant;
import java.util.UUID;

/**
 * A blocked request, as the console searches it per pupil and device. Allowed requests are not events; they
 * are counted into {@link BrowsingSummary} records.
 *
 * @param action "blocked" or "nxdomain" (the DoH canary)
 * @param reason plain words: "gaming sites are blocked for ks2 during school-hours"
 */
public record FilterEvent(UUID uuid, String domain, String category, String action, String group, String user,
                          Instant occurredAt, String reason) {
}
