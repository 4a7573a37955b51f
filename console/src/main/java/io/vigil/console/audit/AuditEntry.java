package io.vigil.console.audit;

import java.time.Instant;

public record AuditEntry(Instant at, String actor, String action, String detail) {
}
