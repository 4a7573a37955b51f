package io.vigil.console.audit;

import java.time.Instant;

/** One row of the audit log. {@code action} is the stored id ({@link AuditAction#id()}), kept as text so rows
 * written by other versions of the console can always be read. */
public record AuditEntry(Instant at, String actor, String action, String detail) {
}
