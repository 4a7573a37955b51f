package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.School;
import io.vigil.console.policy.InvalidPolicyException;
import io.vigil.console.policy.PolicyProblem;
import io.vigil.console.policy.PublishedPolicy;
import io.vigil.console.web.view.PolicyView;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Filter policy publishing for the IT role ({@code lists.publish}): the JSON API and a plain page. Both
 * refuse an invalid policy with every problem as file:line, and then nothing is stored or pushed.
 */
final class PolicyRoutes {

    private final WebServer.Filtering filtering;
    private final AuditLog audit;
    private final Templates templates;

    PolicyRoutes(WebServer.Filtering filtering, AuditLog audit, Templates templates) {
        this.filtering = filtering;
        this.audit = audit;
        this.templates = templates;
    }

    void register(SecuredRoutes routes) {
        routes.post("/api/filter-policy", Access.to(Permission.LISTS_PUBLISH), this::publishJson)
                .get("/api/filter-policy", Access.to(Permission.LISTS_PUBLISH), this::historyJson)
                .get("/filter-policy", Access.to(Permission.LISTS_PUBLISH), this::page)
                .post("/filter-policy", Access.to(Permission.LISTS_PUBLISH), this::publishForm);
    }

    record PublishedView(long id, long schoolId, String version, String fileName, String requestedBy,
                         String requestedAt, String status, String keyId) {
        static PublishedView of(PublishedPolicy p) {
            return new PublishedView(p.id(), p.schoolId(), p.version(), p.fileName(), p.requestedBy(),
                    JsonViews.iso(p.requestedAt()), p.status(), p.keyId());
        }
    }

    record RefusedView(String error, List<String> problems) {
    }

    record HistoryView(List<PublishedView> versions) {
    }

    /** Body: the policy document itself; {@code ?school=ID} when the user has several schools, {@code ?name=}. */
    private void publishJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        long school = school(session, ctx.queryParam("school"));
        try {
            PublishedPolicy published = filtering.publisher().publish(session.username(), school,
                    ctx.queryParam("name"), ctx.bodyAsBytes());
            ctx.status(201).json(PublishedView.of(published));
        } catch (InvalidPolicyException e) {
            ctx.status(422).json(new RefusedView("policy refused; nothing was published",
                    e.problems().stream().map(PolicyProblem::toString).toList()));
        }
    }

    private void historyJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.POLICY_HISTORY_VIEW, "api");
        ctx.json(new HistoryView(filtering.policies().history(session.scope(), 50).stream()
                .map(PublishedView::of).toList()));
    }

    private void page(Context ctx) {
        render(ctx, AccessControl.session(ctx), null, List.of(), "");
    }

    private void publishForm(Context ctx) {
        Session session = AccessControl.session(ctx);
        String document = ctx.formParam("policy");
        String name = ctx.formParam("name");
        try {
            long school = school(session, ctx.formParam("school"));
            PublishedPolicy p = filtering.publisher().publish(session.username(), school, name,
                    document == null ? new byte[0] : document.getBytes(StandardCharsets.UTF_8));
            render(ctx, session, "Published version " + p.version() + "; sent to the school's connected devices.",
                    List.of(), "");
        } catch (InvalidPolicyException e) {
            ctx.status(422);
            render(ctx, session, null, e.problems().stream().map(PolicyProblem::toString).toList(),
                    document == null ? "" : document);
        }
    }

    private void render(Context ctx, Session session, String notice, List<String> problems, String draft) {
        audit.record(session.username(), AuditAction.POLICY_HISTORY_VIEW, "page");
        List<School> schools = session.scope().schoolIds().stream().sorted()
                .flatMap(id -> filtering.schools().school(id).stream()).toList();
        ctx.html(templates.render("policy.jte", new PolicyView(session.username(), schools,
                filtering.policies().history(session.scope(), 20), notice, problems, draft)));
    }

    /** The school named, which must be in the user's scope, or their only school. */
    private static long school(Session session, String param) {
        if (param == null || param.isBlank()) {
            if (session.scope().schoolIds().size() == 1) {
                return session.scope().ids()[0];
            }
            throw ApiException.badRequest("school: required, you have " + session.scope().schoolIds().size()
                    + " schools");
        }
        long id;
        try {
            id = Long.parseLong(param.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("school: '" + param + "' is not a school id");
        }
        if (!session.scope().contains(id)) {
            throw ApiException.forbidden();
        }
        return id;
    }
}
