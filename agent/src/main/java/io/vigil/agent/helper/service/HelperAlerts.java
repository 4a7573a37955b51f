package io.vigil.agent.helper.service;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.helper.wire.HelperMessage.MatchedAlert;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a helper's matched alert into the service's {@link AlertRecord}, or refuses it. The helper is
 * untrusted: the user is the one the kernel vouched for (never a field of the message), the uuid, category,
 * severity and source must be well formed, and a time far from the service's clock is replaced by now. The
 * device, school and sequence are not in the message at all; the spool numbers what is accepted.
 */
public final class HelperAlerts {

    static final Pattern CATEGORY = Pattern.compile("[a-z0-9_.-]{1,64}");
    static final Set<String> SOURCES = Set.of("keyboard", "window_title", "search_term", "replay");
    /** A helper's clock is the same machine's; more than this apart means a forged or broken time. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    private final InstantSource clock;

    public HelperAlerts(InstantSource clock) {
        this.clock = clock;
    }

    /** @throws IllegalArgumentException naming the field that is wrong */
    public AlertRecord toRecord(String verifiedUser, MatchedAlert a) {
        UUID uuid;
        try {
            uuid = UUID.fromString(a.uuid());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("uuid: not a UUID");
        }
        if (!CATEGORY.matcher(a.category()).matches()) {
            throw new IllegalArgumentException("category: must be 1-64 of a-z, 0-9, '_', '.', '-'");
        }
        if (a.severity() < 1 || a.severity() > 5) {
            throw new IllegalArgumentException("severity: " + a.severity() + " is outside 1-5");
        }
        if (a.score() < 0 || a.score() > 1000) {
            throw new IllegalArgumentException("score: " + a.score() + " is outside 0-1000");
        }
        if (!SOURCES.contains(a.source())) {
            throw new IllegalArgumentException("source: '" + a.source() + "' is not one of " + new java.util.TreeSet<>(SOURCES));
        }
        if (a.snippet().isBlank()) {
            throw new IllegalArgumentException("snippet: empty");
        }
        Instant now = clock.instant();
        Instant at = Instant.ofEpochMilli(a.occurredAtMillis());
        if (at.isBefore(now.minus(CLOCK_SLACK)) || at.isAfter(now.plus(CLOCK_SLACK))) {
            at = now;
        }
        return new AlertRecord(uuid, a.category(), a.severity(), a.score(), a.ruleIds(), a.snippet(), a.app(),
                a.windowTitle(), a.url(), verifiedUser, at, a.source(), a.listVersion(), java.util.Optional.empty(),
                a.language());
    }
}
