package io.vigil.console.filtering;

import java.time.Instant;

/** "Report over-blocking" from a device's block page, for the IT role to look at. */
public record StoredReviewRequest(String uuid, long schoolId, String deviceId, String user, String domain,
                                  String category, String comment, Instant requestedAt) {
}
