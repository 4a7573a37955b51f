package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.audit.AuditedAlertReader;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.Session;
import io.vigil.console.auth.SessionStore;
import io.vigil.console.auth.SignInResult;
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

    private static final String CREDENTIALS_SHAPE =
            "body must be JSON {\"username\": ..., \"password\": ..., \"totp\": \"123456\" (if your role needs it)}";

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
    private final io.vigil.console.people.AlertPeople people;

    /**
     * @param tamperCounts tamper events per device over the last day, for the device list's health
     * @param people who each alert is about, from the school's directory
     */
    ApiRoutes(SessionCookie cookie, SessionStore sessions, Login login, AuditedAlertReader alerts,
              DeviceRepository devices, AuditLog audit, CategoryCatalog categories,
              Function<Scope, Map<String, DevicePolicyStatus>> policyStatuses, Supplier<HealthReport> health,
              Function<Scope, Map<String, Integer>> tamperCounts, io.vigil.console.people.AlertPeople people) {
        this.tamperCounts = tamperCounts;
        this.people = people;
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
                .get("/api/alerts", Access.to(Permission.ALERTS_ROUTED), this::alerts)
                .get("/api/alerts/ids", Access.to(Permission.ALERTS_ROUTED), this::alertIds)
                .get("/api/devices", Access.to(Permission.DEVICES_READ), this::devices);
    }

    /** Figures only, nothing about any school: health is public so monitoring needs no account. */
    private void health(Context ctx) {
        HealthReport report = health.get();
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", report.healthy() ? "ok" : "degraded");
        if (!report.healthy()) {
            body.put("problem", report.problem());
        }
        body.put("databaseReachable", report.databaseReachable());
        // The database figures are a background check's, not this request's: their age says how fresh they are.
        body.put("databaseCheckedMillisAgo", report.checkedAgo() == null ? null : report.checkedAgo().toMillis());
        body.put("databaseBytes", report.databaseBytes());
        body.put("alertsWaiting", report.alertsWaiting());
        body.put("deviceSessions", report.deviceSessions());
        ctx.status(report.healthy() ? 200 : 503).json(body);
    }

    private void signIn(Context ctx) {
        // JSON only: a form or text/plain body is what a cross-site page can send without a preflight.
        String type = String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ApiException(415, "sign-in takes a JSON body (Content-Type: application/json)");
        }
        JsonViews.Credentials credentials;
        try {
            credentials = ctx.bodyAsClass(JsonViews.Credentials.class);
        } catch (Exception e) {
            // Jackson's mapping errors are checked IOExceptions that Javalin rethrows undeclared.
            throw ApiException.badRequest(CREDENTIALS_SHAPE);
        }
        if (credentials == null) {
            throw ApiException.badRequest(CREDENTIALS_SHAPE);
        }
        SignInResult result = login.attempt(credentials.username(), credentials.password(), credentials.totp(),
                ctx.ip());
        if (!(result instanceof SignInResult.SignedIn signedIn)) {
            var refusal = SignInOutcome.refuse(ctx, audit, credentials.username(), result, "api");
            throw new ApiException(refusal.status(), refusal.message());
        }
        cookie.set(ctx, sessions.open(signedIn.user()));
        audit.record(signedIn.user().username(), AuditAction.SESSION_OPEN, "api from " + ctx.ip());
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
                categories, people));
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
