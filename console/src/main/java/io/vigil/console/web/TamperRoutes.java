package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.StoredTamperEvent;
import io.vigil.console.domain.TamperEventRepository;
import java.time.Duration;
import java.util.List;

/**
 * {@code GET /api/tamper-events[?limit=N]}: devices' reports that monitoring was interfered with (a session
 * helper killed, the agent config or the DNS setting changed), newest first, for whoever may read devices
 * (the IT role first of all) in the schools they may see. They hold no pupil words, so the alert-content
 * permission is not needed; the read is audited like the device list.
 */
final class TamperRoutes {

    /** The device list counts tamper events over this period. */
    static final Duration HEALTH_WINDOW = Duration.ofHours(24);
    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 1000;

    record TamperEventView(String uuid, String deviceId, String hostname, long schoolId, String kind, String detail,
                           String user, String occurredAt, String receivedAt) {
    }

    record TamperEventsResponse(List<TamperEventView> tamperEvents) {
    }

    private final TamperEventRepository events;
    private final AuditLog audit;

    TamperRoutes(TamperEventRepository events, AuditLog audit) {
        this.events = events;
        this.audit = audit;
    }

    void register(SecuredRoutes routes) {
        routes.get("/api/tamper-events", Access.to(Permission.DEVICES_READ), this::list);
    }

    private void list(Context ctx) {
        var session = AccessControl.session(ctx);
        int limit = limit(ctx.queryParam("limit"));
        audit.record(session.username(), AuditAction.TAMPER_EVENTS_LIST, "limit=" + limit);
        ctx.json(new TamperEventsResponse(events.recent(session.scope(), limit).stream().map(TamperRoutes::view)
                .toList()));
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

    private static TamperEventView view(StoredTamperEvent e) {
        return new TamperEventView(e.uuid(), e.deviceId(), e.hostname(), e.schoolId(), e.kind(), e.detail(), e.user(),
                JsonViews.iso(e.occurredAt()), JsonViews.iso(e.receivedAt()));
    }
}
