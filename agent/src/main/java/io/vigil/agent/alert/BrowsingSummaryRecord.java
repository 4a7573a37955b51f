package io.vigil.agent.alert;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Allowed browsing as counts, never as a log of requests: for one user and one clock hour, how many
 * requests went to each registrable domain.
 *
 * @param hour              start of the clock hour (UTC) the counts cover
 * @param requestsByDomain  domain to request count, in the order given; counts are positive
 */
public record BrowsingSummaryRecord(UUID uuid, String user, Instant hour, Map<String, Integer> requestsByDomain)
        implements DeviceRecord {

    /** Keeps one record well under the console's message limit; split a busier hour into several. */
    public static final int MAX_DOMAINS = 5_000;

    public BrowsingSummaryRecord {
        Objects.requireNonNull(uuid);
        Objects.requireNonNull(user);
        Objects.requireNonNull(hour);
        if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
            throw new IllegalArgumentException("hour " + hour + " is not the start of a clock hour");
        }
        if (requestsByDomain.size() > MAX_DOMAINS) {
            throw new IllegalArgumentException(requestsByDomain.size() + " domains exceed " + MAX_DOMAINS);
        }
        requestsByDomain.forEach((domain, count) -> {
            if (domain == null || domain.isBlank() || count == null || count < 1) {
                throw new IllegalArgumentException("bad count " + count + " for domain '" + domain + "'");
            }
        });
        requestsByDomain = Collections.unmodifiableMap(new LinkedHashMap<>(requestsByDomain));
    }

    public static BrowsingSummaryRecord of(String user, Instant hour, Map<String, Integer> requestsByDomain) {
        return new BrowsingSummaryRecord(UUID.randomUUID(), user, hour, requestsByDomain);
    }

    @Override
    public String kind() {
        return "browsing summary";
    }
}
