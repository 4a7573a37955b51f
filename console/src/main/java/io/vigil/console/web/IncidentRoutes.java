package io.vigil.console.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vigil.console.audit.AuditedCasework;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.IncidentRoute;
import io.vigil.console.domain.InvalidCaseChangeException;
import io.vigil.console.domain.NewIncident;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.Severity;
import io.vigil.console.web.view.IncidentFormView;
import io.vigil.console.web.view.Option;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * GET /incidents/new and POST /incidents: a DSL logs a concern that started elsewhere (a disclosure, something off
 * site, a pupil's own phone), linked to a pupil. It becomes an alert without a device, with the same workflow.
 */
final class IncidentRoutes {

    private final AuditedCasework casework;
    private final CategoryCatalog categories;
    private final LongFunction<String> schoolNames;
    private final Templates templates;
    private final Clock clock;

    IncidentRoutes(AuditedCasework casework, CategoryCatalog categories, LongFunction<String> schoolNames,
                   Templates templates, Clock clock) {
        this.casework = casework;
        this.categories = categories;
        this.schoolNames = schoolNames;
        this.templates = templates;
        this.clock = clock;
    }

    void register(SecuredRoutes routes) {
        routes.get("/incidents/new", Access.to(Permission.ALERTS_TRIAGE), ctx -> form(ctx, null))
                .post("/incidents", Access.to(Permission.ALERTS_TRIAGE), this::log);
    }

    private void log(Context ctx) {
        Session session = AccessControl.session(ctx);
        try {
            NewIncident incident = new NewIncident(school(ctx.formParam("school"), session),
                    ctx.formParam("pupil"), ctx.formParam("category"), severity(ctx.formParam("severity")),
                    IncidentRoute.fromId(String.valueOf(ctx.formParam("route"))), ctx.formParam("summary"),
                    when(ctx.formParam("when")));
            String uuid = casework.logIncident(session.username(), session.scope(), incident);
            ctx.redirect("/alerts/" + uuid, HttpStatus.SEE_OTHER);
        } catch (InvalidCaseChangeException e) {
            ctx.status(400);
            form(ctx, "The incident was not logged: " + e.getMessage() + ".");
        }
    }

    private void form(Context ctx, String notice) {
        Session session = AccessControl.session(ctx);
        String school = value(ctx, "school", "");
        List<Option> schools = Arrays.stream(session.scope().ids())
                .mapToObj(id -> new Option(String.valueOf(id), schoolNames.apply(id), school.equals(String.valueOf(id))))
                .toList();
        String category = value(ctx, "category", "");
        List<Option> cats = new ArrayList<>();
        cats.add(new Option("", "Choose a category", category.isEmpty()));
        categories.all().forEach(c -> cats.add(new Option(c.id(), c.name(), c.id().equals(category))));
        String severity = value(ctx, "severity", "3");
        List<Option> severities = List.of(5, 4, 3, 2, 1).stream().map(s -> new Option(String.valueOf(s),
                s + " " + Severity.label(s), String.valueOf(s).equals(severity))).toList();
        String route = value(ctx, "route", "");
        List<Option> routes = new ArrayList<>();
        routes.add(new Option("", "Choose how it came to you", route.isEmpty()));
        Arrays.stream(IncidentRoute.values()).forEach(r -> routes.add(new Option(r.id(), r.label(),
                r.id().equals(route))));
        String now = LocalDateTime.now(clock.withZone(AlertQueryParams.SCHOOL_ZONE)).truncatedTo(ChronoUnit.MINUTES)
                .toString();
        ctx.html(templates.render("incident.jte", new IncidentFormView(session.username(), schools, cats, severities,
                routes, value(ctx, "pupil", ""), value(ctx, "when", now), value(ctx, "summary", ""),
                IncidentRoute.ILLEGAL_INSTRUCTION, notice)));
    }

    private static String value(Context ctx, String name, String fallback) {
        String v = ctx.method().name().equals("POST") ? ctx.formParam(name) : null;
        return v == null ? fallback : v;
    }

    private static long school(String value, Session session) {
        long[] ids = session.scope().ids();
        if ((value == null || value.isBlank()) && ids.length == 1) {
            return ids[0];
        }
        try {
            return Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new InvalidCaseChangeException("choose the school");
        }
    }

    private static int severity(String value) {
        try {
            return Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new InvalidCaseChangeException("choose a severity from 1 to 5");
        }
    }

    /** A date and time as a {@code datetime-local} field sends it, read in school time (GMT or BST). */
    private static java.time.Instant when(String value) {
        try {
            return LocalDateTime.parse(String.valueOf(value)).atZone(AlertQueryParams.SCHOOL_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidCaseChangeException("enter when it happened, e.g. 2026-11-23T14:30");
        }
    }
}
