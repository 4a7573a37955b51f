package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditEntry;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.audit.AuditQuery;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.Permission;
import io.vigil.console.web.view.AuditView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The audit log for those holding {@code audit.read} (auditor, headteacher, chair of governors, DSL): a page
 * filtered by user, alert, action and date, and the same rows as CSV. Both reads are themselves audited.
 */
final class AuditRoutes {

    private static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int PAGE_LIMIT = 500;

    private final AuditLog audit;
    private final Templates templates;

    AuditRoutes(AuditLog audit, Templates templates) {
        this.audit = audit;
        this.templates = templates;
    }

    void register(SecuredRoutes routes) {
        routes.get("/audit", Access.to(Permission.AUDIT_READ), this::page)
                .get("/audit.csv", Access.to(Permission.AUDIT_READ), this::csv);
    }

    private void page(Context ctx) {
        Session session = AccessControl.session(ctx);
        AuditQuery query = query(ctx, session, PAGE_LIMIT);
        List<AuditEntry> rows = audit.search(query);
        audit.record(session.username(), AuditAction.AUDIT_VIEW, describe(query) + " rows=" + rows.size());
        ctx.html(templates.render("audit.jte", new AuditView(session.username(), param(ctx, "user"),
                param(ctx, "alert"), param(ctx, "action"), param(ctx, "from"), param(ctx, "to"),
                Arrays.stream(AuditAction.values()).map(AuditAction::id).sorted().toList(),
                rows.stream().map(e -> new AuditView.Row(SHOWN.format(e.at().atZone(SCHOOL_TIME)), e.actor(),
                        e.action(), e.detail())).toList(), PAGE_LIMIT, "/audit.csv" + queryString(ctx))));
    }

    private void csv(Context ctx) {
        Session session = AccessControl.session(ctx);
        AuditQuery query = query(ctx, session, AuditQuery.MAX_LIMIT);
        List<AuditEntry> rows = audit.search(query);
        audit.record(session.username(), AuditAction.AUDIT_EXPORT, describe(query) + " rows=" + rows.size());
        StringBuilder out = new StringBuilder(IncidentExports.csvLine(List.of("time_utc", "user", "action", "detail")));
        rows.forEach(e -> out.append(IncidentExports.csvLine(List.of(e.at().toString(), e.actor(), e.action(),
                e.detail()))));
        ctx.header("Content-Disposition", "attachment; filename=\"vigil-audit-log.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(out.toString());
    }

    private static AuditQuery query(Context ctx, Session session, int limit) {
        Optional<LocalDate> from = date(ctx, "from");
        Optional<LocalDate> to = date(ctx, "to");
        return new AuditQuery(session.scope().schoolIds(), optional(ctx, "user"), optional(ctx, "action"),
                optional(ctx, "alert"), from.map(d -> d.atStartOfDay(SCHOOL_TIME).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(SCHOOL_TIME).toInstant()), limit);
    }

    private static Optional<LocalDate> date(Context ctx, String name) {
        return optional(ctx, name).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(name + ": '" + value + "' is not a date (YYYY-MM-DD)");
            }
        });
    }

    private static Optional<String> optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value != null && value.length() > 200) {
            throw ApiException.badRequest(name + " is too long");
        }
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String param(Context ctx, String name) {
        return optional(ctx, name).orElse("");
    }

    private static String describe(AuditQuery q) {
        return "user=" + q.actor().orElse("") + " action=" + q.action().orElse("") + " alert=" + q.alert().orElse("")
                + " from=" + q.from().map(Object::toString).orElse("") + " to=" + q.to().map(Object::toString).orElse("");
    }

    private static String queryString(Context ctx) {
        String qs = List.of("user", "alert", "action", "from", "to").stream()
                .filter(n -> optional(ctx, n).isPresent())
                .map(n -> n + "=" + URLEncoder.encode(param(ctx, n), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return qs.isEmpty() ? "" : "?" + qs;
    }
}
