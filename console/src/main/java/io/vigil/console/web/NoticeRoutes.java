package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditedNoticeReader;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.StoredNoticeAcceptance;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/notice-acceptances[?user=NAME][&limit=N]}: who accepted the device monitoring notice, which
 * version, when and on which device, newest first, for safeguarding roles (the same permission as alert
 * content) in the schools they may see.
 */
final class NoticeRoutes {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    record AcceptanceView(String user, String noticeVersion, String group, String acceptedAt, String deviceId,
                          String hostname, long schoolId, String receivedAt) {
    }

    record AcceptancesResponse(List<AcceptanceView> acceptances) {
    }

    private final AuditedNoticeReader notices;

    NoticeRoutes(AuditedNoticeReader notices) {
        this.notices = notices;
    }

    void register(SecuredRoutes routes) {
        routes.get("/api/notice-acceptances", Access.to(Permission.ALERTS_READ), this::list);
    }

    private void list(Context ctx) {
        var session = AccessControl.session(ctx);
        Optional<String> user = Optional.ofNullable(ctx.queryParam("user")).map(String::strip).filter(u -> !u.isEmpty());
        int limit = limit(ctx.queryParam("limit"));
        ctx.json(new AcceptancesResponse(notices.read(session.username(), session.scope(), user, limit).stream()
                .map(NoticeRoutes::view).toList()));
    }

    private static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n < 1 || n > MAX_LIMIT) {
                throw ApiException.badRequest("limit must be 1 to " + MAX_LIMIT);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a whole number");
        }
    }

    private static AcceptanceView view(StoredNoticeAcceptance a) {
        return new AcceptanceView(a.user(), a.noticeVersion(), a.group(), JsonViews.iso(a.acceptedAt()), a.deviceId(),
                a.hostname(), a.schoolId(), JsonViews.iso(a.receivedAt()));
    }
}
