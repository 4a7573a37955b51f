package io.vigil.console.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vigil.console.audit.AuditedCasework;
import io.vigil.console.audit.AuditedCasework.AlertDetail;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.AlertValidator;
import io.vigil.console.domain.CaseChange;
import io.vigil.console.domain.InvalidAlertException;
import io.vigil.console.domain.InvalidCaseChangeException;
import io.vigil.console.domain.Permission;
import io.vigil.console.web.view.IncidentRecord;
import io.vigil.console.web.view.PrecisionView;
import java.util.Locale;
import java.util.Map;

/**
 * One alert: its page, the case forms (each a post that redirects back to the page), the JSON API for the same,
 * and per-rule precision for list owners. Reads need {@code alerts.read}; changes need {@code alerts.triage}.
 * Another school's alert answers exactly as a missing one does (404), so ids reveal nothing.
 */
final class AlertRoutes {

    private final AuditedCasework casework;
    private final AlertDetailPage pages;
    private final IncidentExports exports;
    private final Templates templates;

    AlertRoutes(AuditedCasework casework, AlertDetailPage pages, IncidentExports exports, Templates templates) {
        this.casework = casework;
        this.pages = pages;
        this.exports = exports;
        this.templates = templates;
    }

    void register(SecuredRoutes routes) {
        routes.get("/alerts/{uuid}", Access.to(Permission.ALERTS_ROUTED), this::page)
                .post("/alerts/{uuid}/case", Access.to(Permission.CASES_ACT), this::changeFromForm)
                .get("/alerts/{uuid}/record", Access.to(Permission.ALERTS_ROUTED), ctx -> export(ctx, "print"))
                .get("/alerts/{uuid}/record.pdf", Access.to(Permission.ALERTS_ROUTED), ctx -> export(ctx, "pdf"))
                .get("/alerts/{uuid}/record.csv", Access.to(Permission.ALERTS_ROUTED), ctx -> export(ctx, "csv"))
                .get("/api/alerts/{uuid}/case", Access.to(Permission.ALERTS_ROUTED), this::caseJson)
                .post("/api/alerts/{uuid}/case", Access.to(Permission.CASES_ACT), this::changeFromJson)
                .get("/rules/precision", Access.to(Permission.LISTS_PUBLISH), this::precisionPage)
                .get("/api/rules/precision", Access.to(Permission.LISTS_PUBLISH), this::precisionJson);
    }

    private void page(Context ctx) {
        render(ctx, AccessControl.session(ctx), uuid(ctx), null);
    }

    private void render(Context ctx, Session session, String uuid, String notice) {
        AlertDetail detail = casework.open(session.username(), uuid, session.scope()).orElseThrow(AlertRoutes::missing);
        ctx.html(templates.render("alert.jte", pages.view(session.username(), detail,
                session.may(Permission.CASES_ACT), session.may(Permission.ALERTS_READ), notice)));
    }

    private void changeFromForm(Context ctx) {
        Session session = AccessControl.session(ctx);
        String uuid = uuid(ctx);
        try {
            CaseChange change = CaseChangeParams.parse(ctx::formParam);
            if (!casework.change(session.username(), uuid, session.scope(), change)) {
                throw missing();
            }
            ctx.redirect("/alerts/" + uuid + "#case", HttpStatus.SEE_OTHER);
        } catch (InvalidCaseChangeException e) {
            ctx.status(400);
            render(ctx, session, uuid, "That change was not made: " + e.getMessage() + ".");
        }
    }

    private void changeFromJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        String uuid = uuid(ctx);
        Map<?, ?> body = jsonObject(ctx);
        if (body == null) {
            throw ApiException.badRequest("the body must be a JSON object with an action: " + CaseChangeParams.ACTIONS);
        }
        try {
            CaseChange change = CaseChangeParams.parse(name -> body.get(name) == null ? null
                    : String.valueOf(body.get(name)));
            if (!casework.change(session.username(), uuid, session.scope(), change)) {
                throw missing();
            }
        } catch (InvalidCaseChangeException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        caseJson(ctx);
    }

    private static Map<?, ?> jsonObject(Context ctx) {
        try {
            return ctx.bodyAsClass(Map.class);
        } catch (Exception notJson) { // Jackson's checked exceptions pass through Kotlin undeclared
            return null;
        }
    }

    private void caseJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        AlertDetail d = casework.open(session.username(), uuid(ctx), session.scope()).orElseThrow(AlertRoutes::missing);
        ctx.json(JsonViews.caseOf(d));
    }

    private void export(Context ctx, String format) {
        Session session = AccessControl.session(ctx);
        String uuid = uuid(ctx);
        AlertDetail d = casework.export(session.username(), uuid, session.scope(), format)
                .orElseThrow(AlertRoutes::missing);
        IncidentRecord record = exports.record(d, session.username());
        switch (format) {
            case "pdf" -> {
                ctx.header("Content-Disposition", "attachment; filename=\"incident-" + uuid + ".pdf\"");
                ctx.contentType("application/pdf").result(exports.pdf(record));
            }
            case "csv" -> {
                ctx.header("Content-Disposition", "attachment; filename=\"incident-" + uuid + ".csv\"");
                ctx.contentType("text/csv; charset=utf-8").result(exports.csv(d));
            }
            default -> ctx.html(templates.render("record.jte", record));
        }
    }

    private void precisionPage(Context ctx) {
        Session session = AccessControl.session(ctx);
        var rows = casework.precision(session.username(), session.scope()).stream()
                .map(p -> new PrecisionView.Row(p.ruleId(), p.closed(), p.falsePositives(),
                        String.format(Locale.UK, "%.0f%%", 100 * p.precision()))).toList();
        ctx.html(templates.render("precision.jte", new PrecisionView(session.username(), rows)));
    }

    private void precisionJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        ctx.json(Map.of("rules", casework.precision(session.username(), session.scope()).stream()
                .map(p -> Map.of("rule", p.ruleId(), "closed", p.closed(), "falsePositives", p.falsePositives(),
                        "precision", p.precision())).toList()));
    }

    private static String uuid(Context ctx) {
        String uuid = ctx.pathParam("uuid");
        try {
            AlertValidator.requireUuid(uuid);
        } catch (InvalidAlertException e) {
            throw missing();
        }
        return uuid.toLowerCase(Locale.ROOT);
    }

    private static ApiException missing() {
        return new ApiException(404, "there is no such alert, or it belongs to another school");
    }
}
