package io.vigil.console.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Permission;
import io.vigil.console.fleet.DeviceRecord;
import io.vigil.console.fleet.DeviceState;
import io.vigil.console.fleet.HealthSettings;
import io.vigil.console.fleet.ItAlert;
import io.vigil.console.web.view.FleetViews;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IT provider's device pages and their API: the fleet with each device's state, one device's health, IT
 * alerts, revoking a device, and each school's "not reporting" threshold. No alert content anywhere here.
 */
final class DeviceRoutes {

    private static final int MAX_IT_ALERTS = 200;

    private final FleetServices fleet;
    private final AuditLog audit;
    private final Templates templates;

    DeviceRoutes(FleetServices fleet, AuditLog audit, Templates templates) {
        this.fleet = fleet;
        this.audit = audit;
        this.templates = templates;
    }

    void register(SecuredRoutes routes) {
        routes.get("/devices", Access.to(Permission.DEVICES_READ), this::listPage)
                .get("/devices/{id}", Access.to(Permission.DEVICES_READ), this::devicePage)
                .post("/devices/{id}/revoke", Access.to(Permission.DEVICES_MANAGE), this::revokeForm)
                .get("/api/devices/{id}", Access.to(Permission.DEVICES_READ), this::deviceJson)
                .post("/api/devices/{id}/revoke", Access.to(Permission.DEVICES_MANAGE), this::revokeJson)
                .get("/api/it-alerts", Access.to(Permission.DEVICES_READ), this::itAlerts)
                .get("/api/schools/{school}/device-health", Access.to(Permission.DEVICES_READ), this::settings)
                .post("/api/schools/{school}/device-health", Access.to(Permission.DEVICES_MANAGE), this::saveSettings);
    }

    private void listPage(Context ctx) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.DEVICES_LIST, "page");
        var rows = fleet.fleet().devices(session.scope()).stream().map(d -> FleetPages.row(d, state(d))).toList();
        var open = fleet.fleet().itAlerts(session.scope(), true, MAX_IT_ALERTS).stream().map(FleetPages::alert)
                .toList();
        ctx.html(templates.render("devices.jte", new FleetViews.Devices(session.username(), rows, open,
                FleetPages.hours(HealthSettings.DEFAULTS.silentAfter()))));
    }

    private void devicePage(Context ctx) {
        renderDevice(ctx, device(ctx), null);
    }

    private void renderDevice(Context ctx, DeviceRecord d, String notice) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.DEVICE_VIEW, "device=" + d.id());
        ctx.html(templates.render("device.jte", FleetPages.page(session.username(), d, state(d), silentAfter(d),
                fleet.fleet().itAlertsOf(d.id(), 20), session.may(Permission.DEVICES_MANAGE), notice)));
    }

    private void revokeForm(Context ctx) {
        DeviceRecord d = device(ctx);
        Session session = AccessControl.session(ctx);
        String notice;
        try {
            fleet.lifecycle().revoke(session.username(), d.id(), session.scope(), ctx.formParam("reason"));
            notice = "Device revoked. Its session was ended and it cannot reconnect; what it has not sent stays"
                    + " on the device.";
        } catch (ConsoleException e) {
            notice = e.getMessage();
        }
        renderDevice(ctx.status(HttpStatus.OK), device(ctx), notice);
    }

    private void deviceJson(Context ctx) {
        DeviceRecord d = device(ctx);
        audit.record(AccessControl.session(ctx).username(), AuditAction.DEVICE_VIEW, "device=" + d.id() + " api");
        ctx.json(json(d));
    }

    private void revokeJson(Context ctx) {
        DeviceRecord d = device(ctx);
        Session session = AccessControl.session(ctx);
        String reason = ctx.queryParam("reason");
        try {
            String told = fleet.lifecycle().revoke(session.username(), d.id(), session.scope(), reason);
            ctx.json(Map.of("id", d.id(), "state", DeviceState.REVOKED.id(), "told", told));
        } catch (ConsoleException e) {
            throw new ApiException(409, e.getMessage());
        }
    }

    private void itAlerts(Context ctx) {
        Session session = AccessControl.session(ctx);
        boolean openOnly = !"false".equals(ctx.queryParam("open"));
        audit.record(session.username(), AuditAction.IT_ALERTS_LIST, openOnly ? "open" : "all");
        ctx.json(Map.of("alerts", fleet.fleet().itAlerts(session.scope(), openOnly, MAX_IT_ALERTS).stream()
                .map(DeviceRoutes::json).toList()));
    }

    private void settings(Context ctx) {
        long school = school(ctx);
        ctx.json(Map.of("silentHours", fleet.fleet().healthSettings(school).orElse(HealthSettings.DEFAULTS)
                .silentHours()));
    }

    private void saveSettings(Context ctx) {
        long school = school(ctx);
        Map<?, ?> body;
        try {
            body = ctx.bodyAsClass(Map.class);
        } catch (Exception notJson) { // Jackson's checked exceptions pass through Kotlin undeclared
            body = null;
        }
        if (body == null || !(body.get("silentHours") instanceof Number n) || n.doubleValue() != n.intValue()) {
            throw ApiException.badRequest("the body must be JSON {\"silentHours\": whole number of hours}");
        }
        try {
            HealthSettings settings = new HealthSettings(n.intValue());
            String actor = AccessControl.session(ctx).username();
            fleet.fleet().saveHealthSettings(school, settings, actor, fleet.clock().instant());
            audit.record(actor, AuditAction.DEVICE_HEALTH_SET, "school=" + school + " silentHours="
                    + settings.silentHours());
            ctx.json(Map.of("silentHours", settings.silentHours()));
        } catch (ConsoleException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Map<String, Object> json(DeviceRecord d) {
        var device = d.device();
        var f = d.figures();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("hostname", device.facts().hostname());
        json.put("schoolId", device.schoolId());
        json.put("school", device.schoolName());
        json.put("state", state(d).id());
        json.put("lastSeenAt", JsonViews.iso(device.lastSeenAt()));
        json.put("enrolledAt", JsonViews.iso(device.enrolledAt()));
        json.put("osName", device.facts().osName());
        json.put("osVersion", device.facts().osVersion());
        json.put("agentVersion", device.facts().agentVersion());
        json.put("capabilities", device.capabilities().available());
        json.put("missing", device.capabilities().unavailable());
        json.put("problems", FleetPages.problems(d));
        json.put("spoolDepth", f.spoolDepth());
        json.put("refusedCount", f.refusedCount());
        json.put("spoolProblem", device.spoolProblem());
        json.put("listVersion", f.listVersion());
        json.put("policyVersion", f.policyVersion());
        json.put("enrolmentTokenId", d.tokenId());
        json.put("revokedAt", JsonViews.iso(d.revokedAt()));
        json.put("revokedBy", d.revokedBy());
        json.put("itAlerts", fleet.fleet().itAlertsOf(d.id(), 20).stream().map(DeviceRoutes::json).toList());
        return json;
    }

    private static Map<String, Object> json(ItAlert a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("kind", a.kind());
        json.put("deviceId", a.deviceId());
        json.put("hostname", a.hostname());
        json.put("schoolId", a.schoolId());
        json.put("detail", a.detail());
        json.put("raisedAt", JsonViews.iso(a.raisedAt()));
        json.put("clearedAt", JsonViews.iso(a.clearedAt()));
        return json;
    }

    private DeviceState state(DeviceRecord d) {
        return DeviceState.of(d, silentAfter(d), fleet.clock().instant());
    }

    private Duration silentAfter(DeviceRecord d) {
        return fleet.fleet().healthSettings(d.device().schoolId()).orElse(HealthSettings.DEFAULTS).silentAfter();
    }

    /** A device outside the viewer's schools is answered exactly like one that does not exist. */
    private DeviceRecord device(Context ctx) {
        return fleet.fleet().device(ctx.pathParam("id"), AccessControl.session(ctx).scope())
                .orElseThrow(() -> new ApiException(404, "no such device among your schools"));
    }

    private static long school(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("school"));
            if (AccessControl.session(ctx).scope().contains(id)) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // Answered as any school outside the reader's scope.
        }
        throw new ApiException(404, "no such school among yours");
    }
}
