package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.EnrolmentToken;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.School;
import io.vigil.console.fleet.TokenExpiry;
import io.vigil.console.web.view.FleetViews;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enrolment tokens for the IT provider (devices.manage): the page with its create and revoke forms, and the same
 * under /api/tokens. A new token's secret is shown once, in the answer that made it.
 */
final class TokenRoutes {

    private final FleetServices fleet;
    private final Templates templates;

    TokenRoutes(FleetServices fleet, Templates templates) {
        this.fleet = fleet;
        this.templates = templates;
    }

    void register(SecuredRoutes routes) {
        routes.get("/tokens", Access.to(Permission.DEVICES_MANAGE), ctx -> render(ctx, null, null))
                .post("/tokens", Access.to(Permission.DEVICES_MANAGE), this::createForm)
                .post("/tokens/{id}/revoke", Access.to(Permission.DEVICES_MANAGE), this::revokeForm)
                .get("/api/tokens", Access.to(Permission.DEVICES_MANAGE), this::list)
                .post("/api/tokens", Access.to(Permission.DEVICES_MANAGE), this::create)
                .post("/api/tokens/{id}/revoke", Access.to(Permission.DEVICES_MANAGE), this::revoke);
    }

    private void createForm(Context ctx) {
        try {
            String token = create(ctx, ctx.formParam("school"), ctx.formParam("expires")).secret();
            render(ctx, token, null);
        } catch (ConsoleException e) {
            render(ctx.status(400), null, e.getMessage());
        }
    }

    private void revokeForm(Context ctx) {
        try {
            fleet.tokens().revoke(AccessControl.session(ctx).username(), id(ctx), AccessControl.session(ctx).scope());
            render(ctx, null, null);
        } catch (ConsoleException e) {
            render(ctx.status(400), null, e.getMessage());
        }
    }

    private void render(Context ctx, String newToken, String problem) {
        Session session = AccessControl.session(ctx);
        var now = fleet.clock().instant();
        var rows = fleet.tokens().list(session.username(), session.scope()).stream()
                .map(t -> FleetPages.token(t, now, true)).toList();
        var schools = session.scope().schoolIds().stream().sorted().map(fleet.schools()::school)
                .flatMap(Optional::stream).map(s -> new FleetViews.SchoolOption(s.id(), s.name())).toList();
        ctx.html(templates.render("tokens.jte", new FleetViews.Tokens(session.username(), rows, schools, newToken,
                problem)));
    }

    private void list(Context ctx) {
        Session session = AccessControl.session(ctx);
        var now = fleet.clock().instant();
        ctx.json(Map.of("tokens", fleet.tokens().list(session.username(), session.scope()).stream()
                .map(t -> json(t, now)).toList()));
    }

    private void create(Context ctx) {
        Map<?, ?> body;
        try {
            body = ctx.bodyAsClass(Map.class);
        } catch (Exception notJson) { // Jackson's checked exceptions pass through Kotlin undeclared
            body = null;
        }
        if (body == null) {
            throw ApiException.badRequest("the body must be JSON {\"school\": id, \"expires\": \"7d\" (optional)}");
        }
        try {
            var made = create(ctx, body.get("school") == null ? null : String.valueOf(body.get("school")),
                    body.get("expires") == null ? null : String.valueOf(body.get("expires")));
            ctx.status(201).json(Map.of("id", made.id(), "token", made.secret()));
        } catch (ConsoleException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private io.vigil.console.domain.Enrolment.NewToken create(Context ctx, String schoolText, String expires) {
        Session session = AccessControl.session(ctx);
        School school = school(session, schoolText);
        var expiry = Optional.ofNullable(expires).filter(e -> !e.isBlank())
                .map(e -> TokenExpiry.parse(e, fleet.clock().instant()));
        return fleet.tokens().create(session.username(), school, expiry);
    }

    private void revoke(Context ctx) {
        Session session = AccessControl.session(ctx);
        try {
            EnrolmentToken t = fleet.tokens().revoke(session.username(), id(ctx), session.scope());
            ctx.json(json(t, fleet.clock().instant()));
        } catch (ConsoleException e) {
            throw new ApiException(e.getMessage().contains("already") ? 409 : 404, e.getMessage());
        }
    }

    /** The school named by id, which must be one of the user's; with one school, it may be left out. */
    private School school(Session session, String text) {
        List<Long> ids = session.scope().schoolIds().stream().sorted().toList();
        long id;
        if (text == null || text.isBlank()) {
            if (ids.size() != 1) {
                throw new ConsoleException("choose the school the token is for");
            }
            id = ids.getFirst();
        } else {
            try {
                id = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new ConsoleException("school must be a school id");
            }
        }
        long chosen = id;
        return Optional.of(chosen).filter(session.scope()::contains).flatMap(fleet.schools()::school)
                .orElseThrow(() -> new ConsoleException("no such school among yours"));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new ApiException(404, "no such enrolment token");
        }
    }

    private static Map<String, Object> json(EnrolmentToken t, java.time.Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("schoolId", t.schoolId());
        json.put("school", t.schoolName());
        json.put("createdBy", t.createdBy());
        json.put("createdAt", JsonViews.iso(t.createdAt()));
        json.put("expiresAt", JsonViews.iso(t.expiresAt()));
        json.put("uses", t.uses());
        json.put("state", t.state(now).name().toLowerCase(java.util.Locale.ROOT));
        json.put("revokedAt", JsonViews.iso(t.revokedAt()));
        json.put("revokedBy", t.revokedBy());
        return json;
    }
}
