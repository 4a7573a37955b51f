package io.vigil.console.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.audit.AuditedAlertReader;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.SessionStore;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.DeviceRepository;
import io.vigil.console.domain.Role;
import java.util.Map;

/** The JSON API under /api. Handlers check the session and role, then delegate. */
final class ApiRoutes {

    private final SessionCookie cookie;
    private final SessionStore sessions;
    private final Login login;
    private final AuditedAlertReader alerts;
    private final DeviceRepository devices;
    private final AuditLog audit;
    private final CategoryCatalog categories;

    ApiRoutes(SessionCookie cookie, SessionStore sessions, Login login, AuditedAlertReader alerts,
              DeviceRepository devices, AuditLog audit, CategoryCatalog categories) {
        this.cookie = cookie;
        this.sessions = sessions;
        this.login = login;
        this.alerts = alerts;
        this.devices = devices;
        this.audit = audit;
        this.categories = categories;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/health", ctx -> ctx.json(Map.of("status", "ok")));
        routes.post("/api/session", this::signIn);
        routes.delete("/api/session", this::signOut);
        routes.get("/api/alerts", this::alerts);
        routes.get("/api/devices", this::devices);
    }

    private void signIn(Context ctx) {
        JsonViews.Credentials credentials;
        try {
            credentials = ctx.bodyAsClass(JsonViews.Credentials.class);
        } catch (Exception e) {
            // Jackson's mapping errors are checked IOExceptions that Javalin rethrows undeclared.
            throw ApiException.badRequest("body must be JSON {\"username\": ..., \"password\": ...}");
        }
        if (credentials == null) {
            throw ApiException.badRequest("body must be JSON {\"username\": ..., \"password\": ...}");
        }
        var user = login.check(credentials.username(), credentials.password());
        if (user.isEmpty()) {
            audit.record(String.valueOf(credentials.username()), "session.failed", "api from " + ctx.ip());
            throw new ApiException(401, "wrong username or password");
        }
        cookie.set(ctx, sessions.open(user.get(), login.scopeOf(user.get())));
        audit.record(user.get().username(), "session.open", "api from " + ctx.ip());
        ctx.status(204);
    }

    private void signOut(Context ctx) {
        cookie.current(ctx).ifPresent(s -> audit.record(s.username(), "session.close", "api"));
        cookie.clear(ctx);
        ctx.status(204);
    }

    private void alerts(Context ctx) {
        var session = cookie.require(ctx, Role::readsAlerts);
        var query = AlertQueryParams.parse(ctx::queryParam, session.scope());
        ctx.json(JsonViews.alerts(query, alerts.find(session.username(), "alerts.search", query), categories));
    }

    private void devices(Context ctx) {
        var session = cookie.require(ctx, Role::seesDevices);
        audit.record(session.username(), "devices.list", "");
        ctx.json(JsonViews.devices(devices.inScope(session.scope())));
    }
}
