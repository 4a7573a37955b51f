package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Permission;
import io.vigil.console.policy.FilterOverlay;
import io.vigil.console.policy.InvalidPolicyException;
import io.vigil.console.policy.PolicyProblem;
import io.vigil.console.policy.PublishedPolicy;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The nominated-user actions as JSON: time-limited access to a blocked category ({@code filter.grant}: DSL,
 * deputy, online safety lead) and suspending a pupil ({@code pupil.suspend}: DSL). Each republishes the
 * school's signed policy with the change in it; the device expires it by itself.
 */
final class OverlayRoutes {

    private final WebServer.Filtering filtering;
    private final AuditLog audit;

    OverlayRoutes(WebServer.Filtering filtering, AuditLog audit) {
        this.filtering = filtering;
        this.audit = audit;
    }

    /** {@code school} may be left out by a user of one school; {@code until} is an ISO instant. */
    record GrantRequest(Long school, String user, String category, String until, String reason) {
    }

    record SuspendRequest(Long school, String user, String until, String reason) {
    }

    record OverlayView(long schoolId, String kind, String user, String category, String until, String reason,
                       String grantedBy, String grantedAt) {
        static OverlayView of(FilterOverlay o) {
            return new OverlayView(o.schoolId(), o.kind().id(), o.username(), o.category(),
                    JsonViews.iso(o.validUntil()), o.reason(), o.grantedBy(), JsonViews.iso(o.grantedAt()));
        }
    }

    record OverlaysResponse(List<OverlayView> overlays) {
    }

    void register(SecuredRoutes routes) {
        routes.post("/api/filter-grants", Access.to(Permission.FILTER_GRANT), this::grant)
                .get("/api/filter-grants", Access.to(Permission.FILTER_GRANT), this::list)
                .post("/api/suspensions", Access.to(Permission.PUPIL_SUSPEND), this::suspend);
    }

    private void grant(Context ctx) {
        Session session = AccessControl.session(ctx);
        GrantRequest r = body(ctx, GrantRequest.class);
        publish(ctx, () -> filtering.overlays().grantAccess(session.username(), school(session, r.school()), r.user(),
                r.category(), instant(r.until()), r.reason()));
    }

    private void suspend(Context ctx) {
        Session session = AccessControl.session(ctx);
        SuspendRequest r = body(ctx, SuspendRequest.class);
        publish(ctx, () -> filtering.overlays().suspend(session.username(), school(session, r.school()), r.user(),
                instant(r.until()), r.reason()));
    }

    private void list(Context ctx) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.FILTER_OVERLAYS_LIST, "api");
        ctx.json(new OverlaysResponse(filtering.overlays().inForce(session.scope()).stream()
                .map(OverlayView::of).toList()));
    }

    private static void publish(Context ctx, Supplier<PublishedPolicy> action) {
        try {
            ctx.status(201).json(PolicyRoutes.PublishedView.of(action.get()));
        } catch (InvalidPolicyException e) {
            ctx.status(422).json(new PolicyRoutes.RefusedView("refused; nothing was changed",
                    e.problems().stream().map(PolicyProblem::toString).toList()));
        } catch (ConsoleException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static <T> T body(Context ctx, Class<T> type) {
        try {
            T value = ctx.bodyAsClass(type);
            if (value == null) {
                throw ApiException.badRequest("body must be a JSON object");
            }
            return value;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw ApiException.badRequest("body must be a JSON object: " + type.getSimpleName());
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            throw ApiException.badRequest("until: required, e.g. 2026-12-02T17:00:00Z");
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("until: '" + text + "' is not a time like 2026-12-02T17:00:00Z");
        }
    }

    private static long school(Session session, Long school) {
        if (school == null) {
            if (session.scope().schoolIds().size() == 1) {
                return session.scope().ids()[0];
            }
            throw ApiException.badRequest("school: required, you have " + session.scope().schoolIds().size()
                    + " schools");
        }
        if (!session.scope().contains(school)) {
            throw ApiException.forbidden();
        }
        return school;
    }
}
