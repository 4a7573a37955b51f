package io.vigil.console.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A filter over the audit log for the auditor's page. The log has no school column, so a reader sees the
 * rows whose actor is a user of one of their schools (or of those schools' trust): their own school's staff,
 * never another school's.
 *
 * @param alert an alert id or uuid, matched inside the row's detail (reads record the ids they returned)
 */
public record AuditQuery(Set<Long> schoolIds, Optional<String> actor, Optional<String> action,
                         Optional<String> alert, Optional<Instant> from, Optional<Instant> to, int limit) {

    public static final int MAX_LIMIT = 5_000;

    public AuditQuery {
        schoolIds = Set.copyOf(schoolIds);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }
}
