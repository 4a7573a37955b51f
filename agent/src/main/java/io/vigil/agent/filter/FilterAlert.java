package io.vigil.agent.filter;

import java.time.Instant;

/**
 * Something the DSL must hear about from the filter: a blocked high-risk category (self-harm, extremism,
 * illegal ...) or repeated attempts to get round the filter, raised once per user per window.
 *
 * @param attempts how many attempts the alert stands for (1 for a high-risk block)
 */
public record FilterAlert(Kind kind, String user, String domain, String category, String reason, int attempts,
                          Instant occurredAt) {

    public enum Kind { HIGH_RISK_BLOCK, REPEATED_BYPASS }
}
