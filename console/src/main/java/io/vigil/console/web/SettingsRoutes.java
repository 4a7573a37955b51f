package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.InvalidCaseChangeException;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.SchoolSettings;
import io.vigil.console.domain.SchoolSettingsRepository;
import java.time.Clock;
import java.util.Map;

/**
 * GET and POST /api/schools/{school}/settings: how long the school keeps screenshots and closed cases, and its
 * repeat window. Safeguarding roles of that school only; a school outside the reader's scope is a 404.
 */
final class SettingsRoutes {

    private final SchoolSettingsRepository settings;
    private final AuditLog audit;
    private final Clock clock;

    SettingsRoutes(SchoolSettingsRepository settings, AuditLog audit, Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    void register(SecuredRoutes routes) {
        routes.get("/api/schools/{school}/settings", Access.to(Permission.ALERTS_TRIAGE), this::read)
                .post("/api/schools/{school}/settings", Access.to(Permission.ALERTS_TRIAGE), this::save);
    }

    private void read(Context ctx) {
        ctx.json(json(settings.of(school(ctx))));
    }

    private void save(Context ctx) {
        long school = school(ctx);
        SchoolSettings current = settings.of(school);
        Map<?, ?> body;
        try {
            body = ctx.bodyAsClass(Map.class);
        } catch (Exception notJson) { // Jackson's checked exceptions pass through Kotlin undeclared
            body = null;
        }
        if (body == null) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        try {
            SchoolSettings next = new SchoolSettings(number(body, "screenshotDays", current.screenshotDays()),
                    number(body, "closedAlertDays", current.closedAlertDays()),
                    number(body, "repeatWindowMinutes", current.repeatWindowMinutes()));
            String actor = AccessControl.session(ctx).username();
            settings.save(school, next, actor, clock.instant());
            audit.record(actor, AuditAction.RETENTION_SET, "school=" + school + " " + next);
            ctx.json(json(next));
        } catch (InvalidCaseChangeException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static int number(Map<?, ?> body, String name, int fallback) {
        Object value = body.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        throw ApiException.badRequest(name + " must be a whole number");
    }

    private static Map<String, Integer> json(SchoolSettings s) {
        return Map.of("screenshotDays", s.screenshotDays(), "closedAlertDays", s.closedAlertDays(),
                "repeatWindowMinutes", s.repeatWindowMinutes());
    }

    private static long school(Context ctx) {
        Session session = AccessControl.session(ctx);
        try {
            long id = Long.parseLong(ctx.pathParam("school"));
            if (session.scope().contains(id)) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // Answered as any school outside the reader's scope.
        }
        throw new ApiException(404, "no such school among yours");
    }
}
