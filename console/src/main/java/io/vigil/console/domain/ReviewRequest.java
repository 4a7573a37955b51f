package io.vigil.console.domain;

import java.time.Instant;

/** A user asked, from the block page, for a blocked site to be reviewed; {@code comment} is at most 500 chars. */
public record ReviewRequest(String uuid, String deviceId, long sequence, String user, String domain, String category,
                            String comment, Instant requestedAt) {
}
