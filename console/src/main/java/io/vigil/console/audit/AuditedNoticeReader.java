package io.vigil.console.audit;

import io.vigil.console.domain.NoticeAcceptanceRepository;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.StoredNoticeAcceptance;
import java.util.List;
import java.util.Optional;

/**
 * The only way the web layer reads notice acceptances. They say which named users were told they are
 * monitored and when: personal data, so each read is audited before the rows are returned.
 */
public final class AuditedNoticeReader {

    private final NoticeAcceptanceRepository notices;
    private final AuditLog audit;

    public AuditedNoticeReader(NoticeAcceptanceRepository notices, AuditLog audit) {
        this.notices = notices;
        this.audit = audit;
    }

    public List<StoredNoticeAcceptance> read(String actor, Scope scope, Optional<String> user, int limit) {
        audit.record(actor, AuditAction.NOTICE_ACCEPTANCES_VIEW, user.map(u -> "user=" + u).orElse("all")
                + " limit=" + limit);
        return notices.inScope(scope, user, limit);
    }
}
