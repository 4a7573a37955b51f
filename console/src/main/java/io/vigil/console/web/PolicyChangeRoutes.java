package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.Actor;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Permission;
import io.vigil.console.lists.ListChange;
import io.vigil.console.policy.InvalidPolicyException;
import io.vigil.console.policy.PolicyChangeEntry;
import io.vigil.console.policy.PolicyProblem;
import io.vigil.console.policy.PublishedPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Filter-policy emergency domain blocks and rollbacks for the IT role ({@code lists.publish}), and the shared
 * change log (filter policy and keyword lists, each labelled) that leaders and governors read
 * ({@code reports.read}). Decisions on changes are {@link PolicyRoutes}'.
 */
final class PolicyChangeRoutes {

    private final WebServer.Filtering filtering;
    private final AuditLog audit;

    PolicyChangeRoutes(WebServer.Filtering filtering, AuditLog audit) {
        this.filtering = filtering;
        this.audit = audit;
    }

    void register(SecuredRoutes routes) {
        Access publish = Access.to(Permission.LISTS_PUBLISH);
        routes.post("/api/filter-policy/emergency", publish, this::emergencyJson)
                .post("/api/filter-policy/rollback/{id}", publish, this::rollbackJson)
                .get("/api/changes", Access.to(Permission.REPORTS_READ), this::changeLogJson);
    }

    static Actor actor(Session s) {
        return new Actor(s.username(), s.roles(), s.scope());
    }

    record EmergencyRequest(String school, String domain, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    /** One change of either kind as the shared change log shows it: rules and domains, never pupils' words. */
    record ChangeLogRow(String kind, long id, String scope, String action, String status, String reason,
                        String requestedBy, String requestedAt, String decidedBy, String decidedAt, String reviewDue,
                        String reviewedBy, String flaggedAt, List<Long> schools, List<String> diff) {

        static ChangeLogRow of(PolicyChangeEntry c) {
            return new ChangeLogRow("filter_policy", c.id(), c.providerWide() ? "provider-wide" : "school",
                    c.action(), c.status(), c.reason(), c.requestedBy(), iso(c.requestedAt()), c.decidedBy(),
                    iso(c.decidedAt()), iso(c.reviewDue()), c.reviewedBy(), iso(c.flaggedAt()), c.schools(), c.diff());
        }

        static ChangeLogRow of(ListChange c) {
            return new ChangeLogRow("keyword_lists", c.id(), c.providerWide() ? "provider-wide" : "school",
                    c.action(), c.status(), c.reason(), c.requestedBy(), iso(c.requestedAt()), c.decidedBy(),
                    iso(c.decidedAt()), iso(c.reviewDue()), c.reviewedBy(), iso(c.flaggedAt()), c.schools(),
                    c.diff().entries().stream().map(e -> e.kind().name().toLowerCase(java.util.Locale.ROOT) + " "
                            + e.ruleId()).toList());
        }

        private static String iso(Instant at) {
            return at == null ? null : JsonViews.iso(at);
        }
    }

    record ChangeLogView(List<ChangeLogRow> changes) {
    }

    private void emergencyJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        EmergencyRequest r = ctx.bodyAsClass(EmergencyRequest.class);
        respond(ctx, () -> ctx.status(201).json(ChangeLogRow.of(filtering.changes().emergencyBlock(actor(session),
                ChangeTarget.parse(r.school()), r.domain(), r.reason()))));
    }

    private void rollbackJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        String reason = ctx.body().isBlank() ? "" : ctx.bodyAsClass(ReasonRequest.class).reason();
        respond(ctx, () -> {
            PublishedPolicy p = filtering.changes().proposeRollback(actor(session), versionId(ctx), reason);
            ctx.status(201).json(PolicyRoutes.PublishedView.of(p));
        });
    }

    /** Both kinds of change affecting the reader's schools, newest first. */
    private void changeLogJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.POLICY_HISTORY_VIEW, "shared change log api");
        List<ChangeLogRow> rows = new ArrayList<>();
        filtering.policies().changeLog(session.scope(), 100).forEach(c -> rows.add(ChangeLogRow.of(c)));
        filtering.lists().ifPresent(l -> l.repository().changeLog(session.scope(), 100)
                .forEach(c -> rows.add(ChangeLogRow.of(c))));
        rows.sort(Comparator.comparing(ChangeLogRow::requestedAt).reversed());
        ctx.json(new ChangeLogView(rows));
    }

    private static void respond(Context ctx, Runnable action) {
        try {
            action.run();
        } catch (InvalidPolicyException e) {
            ctx.status(422).json(new PolicyRoutes.RefusedView("policy refused; nothing was published",
                    e.problems().stream().map(PolicyProblem::toString).toList()));
        } catch (ConsoleException e) {
            ctx.status(409).json(new JsonViews.ErrorResponse(e.getMessage()));
        }
    }

    private static long versionId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("id: '" + ctx.pathParam("id") + "' is not a version id");
        }
    }
}
