package io.vigil.console.audit;

import java.util.List;

/**
 * The record of who read or changed what. Every read of alert content goes through here before the
 * content is returned: if the audit row cannot be written, the content is not shown.
 */
public interface AuditLog {

    void record(String actor, AuditAction action, String detail);

    /** Newest first. */
    List<AuditEntry> latest(int max);

    /** Newest first, at most {@code query.limit()} rows; reading them is audited by the caller. */
    List<AuditEntry> search(AuditQuery query);
}
