package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.audit.AuditedAlertReader;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.Session;
import io.vigil.console.auth.SessionStore;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.HealthReport;
import io.vigil.console.domain.DeviceRepository;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.Scope;
import io.vigil.console.policy.DevicePolicyStatus;
import java.util.Map;
import java.util.function.Function;
import java.util.Map;
import java.util.function.Supplier;

/** The JSON API under /api. Access is declared per route; handlers only read the request and delegate. */
final class ApiRoutes {

    private final SessionCookie cookie;
    private final SessionStore sessions;
    private final Login login;
    private final AuditedAlertReader alerts;
    private final DeviceRepository devices;
    private final AuditLog audit;
    private final CategoryCatalog categories;
    private final Function<Scope, Map<String, DevicePolicyStatus>> policyStatuses;
    private final Supplier<HealthReport> health;
    private final Function<Scope, Map<String, Integer>> tamperCounts;

    ApiRoutes(SessionCookie cookie, SessionStore sessions, Login login, AuditedAlertReader alerts,
              DeviceRepository devices, AuditLog audit, CategoryCatalog categories,
              Function<Scope, Map<String, DevicePolicyStatus>> policyStatuses, Supplier<HealthReport> health) {
        this(cookie, sessions, login, alerts, devices, audit, categories, policyStatuses, health, scope -> Map.of());
    }

    /** @param tamperCounts tamper events per device over the last day, for the device list's health */
    ApiRoutes(SessionCookie cookie, SessionStore sessions, Login login, AuditedAlertReader alerts,
              DeviceRepository devices, AuditLog audit, CategoryCatalog categories,
              Function<Scope, Map<String, DevicePolicyStatus>> policyStatuses, Supplier<HealthReport> health,
              Function<Scope, Map<String, Integer>> tamperCounts) {
        this.tamperCounts = tamperCounts;
        this.health = health;
        this.cookie = cookie;
        this.sessions = sessions;
        this.login = login;
        this.alerts = alerts;
        this.devices = devices;
        this.audit = audit;
        this.categories = categories;
        this.policyStatuses = policyStatuses;
    }

    void register(SecuredRoutes routes) {
        routes.get("/api/health", Access.PUBLIC, this::health)
                .post("/api/session", Access.PUBLIC, this::signIn)
                // Public so an expired session can still clear its cookie; it closes only the caller's own session.
                .delete("/api/session", Access.PUBLIC, this::signOut)
                .get("/api/session", Access.SIGNED_IN, this::whoAmI)
                .get("/api/alerts", Access.to(Permission.ALERTS_READ), this::alerts)
                .get("/api/alerts/ids", Access.to(Permission.ALERTS_READ), this::alertIds)
                .get("/api/devices", Access.to(Permission.DEVICES_READ), this::devices);
    }

    /** Figures only, nothing about any school: health is public so monitoring needs no account. */
    private void health(Context ctx) {
        HealthReport report = health.get();
        ctx.json(Map.of("status", "ok", "databaseBytes", report.databaseBytes(),
                "alertsWaiting", report.alertsWaiting(), "deviceSessions", report.deviceSessions()));
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
            audit.record(String.valueOf(credentials.username()), AuditAction.SESSION_FAILED, "api from " + ctx.ip());
            throw new ApiException(401, "wrong username or password");
        }
        cookie.set(ctx, sessions.open(user.get()));
        audit.record(user.get().username(), AuditAction.SESSION_OPEN, "api from " + ctx.ip());
        ctx.status(204);
    }

    private void signOut(Context ctx) {
        cookie.current(ctx).ifPresent(s -> audit.record(s.username(), AuditAction.SESSION_CLOSE, "api"));
        cookie.clear(ctx);
        ctx.status(204);
    }

    private void whoAmI(Context ctx) {
        Session session = AccessControl.session(ctx);
        ctx.json(new JsonViews.SessionView(session.username(), session.roles().stream().sorted().map(Role::id).toList(),
                Role.permissionsOf(session.roles()).stream().map(Permission::id).toList(),
                session.scope().schoolIds().stream().sorted().toList(), sessions.idleTimeout().toSeconds()));
    }

    private void alerts(Context ctx) {
        Session session = AccessControl.session(ctx);
        var query = AlertQueryParams.parse(ctx::queryParam, session.scope());
        ctx.json(JsonViews.alerts(query, alerts.find(session.username(), AuditAction.ALERTS_SEARCH, query),
                categories));
    }

    /** Ids only, for the inbox's background check for new alerts: no content, so no audit row. */
    private void alertIds(Context ctx) {
        ctx.json(alerts.ids(AlertQueryParams.parse(ctx::queryParam, AccessControl.session(ctx).scope())));
    }

    private void devices(Context ctx) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.DEVICES_LIST, "");
        ctx.json(JsonViews.devices(devices.inScope(session.scope()), policyStatuses.apply(session.scope()),
                tamperCounts.apply(session.scope())));
    }
}
