package io.vigil.console.policy;

import java.time.Instant;

/** One stored policy version of a school, immutable once written. */
public record PublishedPolicy(long id, long schoolId, String version, String fileName, String requestedBy,
                              Instant requestedAt, String status, String keyId) {
}
