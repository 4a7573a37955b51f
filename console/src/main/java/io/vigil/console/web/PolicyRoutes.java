package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.School;
import io.vigil.console.policy.DnsCoverage;
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
                .get("/api/filter-policy/changes", Access.to(Permission.CHANGES_APPROVE), this::changesJson)
                .post("/api/filter-policy/changes/{id}/{decision}", Access.to(Permission.CHANGES_APPROVE),
                        this::decideJson)
                .post("/api/filter-policy/provider-changes/{id}/{decision}", Access.to(Permission.LISTS_PUBLISH),
                        this::decideJson)
                .get("/filter-policy", Access.to(Permission.LISTS_PUBLISH), this::page)
                .post("/filter-policy", Access.to(Permission.LISTS_PUBLISH), this::publishForm)
                .post("/filter-policy/emergency", Access.to(Permission.LISTS_PUBLISH), this::emergencyForm)
                .get("/filter-policy/changes", Access.to(Permission.CHANGES_APPROVE), this::changesPage)
                .post("/filter-policy/changes/{id}", Access.to(Permission.CHANGES_APPROVE), this::decideForm)
                .post("/filter-policy/provider-changes/{id}", Access.to(Permission.LISTS_PUBLISH), this::decideForm);
    }

    record PublishedView(long id, long schoolId, String version, String fileName, String requestedBy,
                         String requestedAt, String status, String keyId) {
        static PublishedView of(PublishedPolicy p) {
            return new PublishedView(p.id(), p.schoolId(), p.version(), p.fileName(), p.requestedBy(),
                    JsonViews.iso(p.requestedAt()), p.status(), p.keyId());
        }
    }

    /** An accepted upload, with what of it the devices' DNS filter cannot enforce stated plainly. */
    record ProposedView(long id, long schoolId, String version, String fileName, String requestedBy,
                        String requestedAt, String status, String keyId, LimitsView limits) {
        static ProposedView of(PublishedPolicy p, DnsCoverage coverage) {
            return new ProposedView(p.id(), p.schoolId(), p.version(), p.fileName(), p.requestedBy(),
                    JsonViews.iso(p.requestedAt()), p.status(), p.keyId(),
                    new LimitsView(coverage.fullAddresses(), coverage.summary(), coverage.examples()));
        }
    }

    record LimitsView(int notEnforced, String summary, List<String> examples) {
    }

    record RefusedView(String error, List<String> problems) {
    }

    record HistoryView(List<PublishedView> versions) {
    }

    /**
     * Body: the policy document itself; {@code ?school=ID} when the user has several schools, {@code
     * ?school=provider} for every school (decided by a second IT provider approver), {@code ?name=}, {@code ?reason=}.
     */
    private void publishJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        Long school = target(session, ctx.queryParam("school"));
        try {
            byte[] body = ctx.bodyAsBytes();
            PublishedPolicy published = filtering.changes().propose(PolicyChangeRoutes.actor(session), school,
                    ctx.queryParam("name"), body, ctx.queryParam("reason"));
            ctx.status(201).json(ProposedView.of(published,
                    DnsCoverage.of(published.fileName(), new String(body, StandardCharsets.UTF_8))));
        } catch (InvalidPolicyException e) {
            ctx.status(422).json(new RefusedView("policy refused; nothing was published",
                    e.problems().stream().map(PolicyProblem::toString).toList()));
        } catch (ConsoleException e) {
            ctx.status(409).json(new JsonViews.ErrorResponse(e.getMessage()));
        }
    }

    private void historyJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.POLICY_HISTORY_VIEW, "api");
        ctx.json(new HistoryView(filtering.policies().history(session.scope(), 50).stream()
                .map(PublishedView::of).toList()));
    }

    record ChangeView(PublishedView change, String document) {
    }

    record ChangesResponse(List<ChangeView> changes) {
    }

    record DecisionRequest(String reason) {
    }

    /** Pending changes of the approver's schools, each with its document, for review. */
    private void changesJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.POLICY_HISTORY_VIEW, "changes api");
        ctx.json(new ChangesResponse(pending(session)));
    }

    private List<ChangeView> pending(Session session) {
        return filtering.policies().history(session.scope(), 50).stream()
                .filter(v -> v.status().equals("pending"))
                .flatMap(v -> filtering.policies().change(v.id()).stream())
                .map(c -> new ChangeView(PublishedView.of(c.version()), c.document())).toList();
    }

    /** approve or review: the change's first version (its live version once approved); reject: 204. */
    private void decideJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        String reason = ctx.body().isBlank() ? "" : ctx.bodyAsClass(DecisionRequest.class).reason();
        String decision = ctx.pathParam("decision");
        decide(() -> {
            PublishedPolicy result = decide(session, changeId(ctx), decision, reason);
            if (decision.equals("reject")) {
                ctx.status(204); // nothing new to show: the change was never sent
            } else {
                ctx.json(PublishedView.of(result));
            }
        }, ctx);
    }

    private PublishedPolicy decide(Session session, long id, String decision, String reason) {
        var actor = PolicyChangeRoutes.actor(session);
        return switch (decision) {
            case "approve" -> filtering.changes().approve(actor, id);
            case "review" -> {
                long change = filtering.changes().review(actor, id).id();
                yield filtering.policies().change(change).orElseThrow().version();
            }
            case "reject" -> {
                filtering.changes().reject(actor, id, reason);
                yield filtering.policies().change(id).orElseThrow().version();
            }
            default -> throw ApiException.badRequest("decision: approve, reject or review");
        };
    }

    private void changesPage(Context ctx) {
        Session session = AccessControl.session(ctx);
        renderChanges(ctx, session, null);
    }

    private void decideForm(Context ctx) {
        Session session = AccessControl.session(ctx);
        long id = changeId(ctx);
        String decision = String.valueOf(ctx.formParam("decision"));
        try {
            PublishedPolicy p = decide(session, id, decision, ctx.formParam("reason"));
            renderChanges(ctx, session, switch (decision) {
                case "approve" -> "Approved change " + id + ": version " + p.version()
                        + " is signed and sent to the school's devices.";
                case "review" -> "Reviewed emergency change " + id + "; the block stays in force.";
                default -> "Rejected change " + id + "; it was never sent to devices.";
            });
        } catch (ConsoleException e) { // InvalidPolicyException included: the message lists every problem
            ctx.status(409);
            renderChanges(ctx, session, e.getMessage());
        }
    }

    private void renderChanges(Context ctx, Session session, String notice) {
        audit.record(session.username(), AuditAction.POLICY_HISTORY_VIEW, "changes page");
        ctx.html(templates.render("policy-changes.jte", new PolicyView.Changes(session.username(),
                pending(session).stream().map(c -> new PolicyView.Pending(c.change().id(), c.change().schoolId(),
                        c.change().fileName(), c.change().requestedBy(), c.change().requestedAt(), c.document()))
                        .toList(), notice)));
    }

    /** A decision is refused with 409 and the reason (own change, decided meanwhile, not found). */
    private static void decide(Runnable decision, Context ctx) {
        try {
            decision.run();
        } catch (InvalidPolicyException e) {
            ctx.status(422).json(new RefusedView("the change no longer validates; nothing was published",
                    e.problems().stream().map(PolicyProblem::toString).toList()));
        } catch (ConsoleException e) {
            ctx.status(409).json(new JsonViews.ErrorResponse(e.getMessage()));
        }
    }

    private static long changeId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("id: '" + ctx.pathParam("id") + "' is not a change id");
        }
    }

    private void page(Context ctx) {
        render(ctx, AccessControl.session(ctx), null, List.of(), "", DnsCoverage.FULL);
    }

    private void publishForm(Context ctx) {
        Session session = AccessControl.session(ctx);
        String document = ctx.formParam("policy");
        String name = ctx.formParam("name");
        try {
            Long school = target(session, ctx.formParam("school"));
            PublishedPolicy p = filtering.changes().propose(PolicyChangeRoutes.actor(session), school, name,
                    document == null ? new byte[0] : document.getBytes(StandardCharsets.UTF_8),
                    ctx.formParam("reason"));
            render(ctx, session, "The policy is valid and waits as change " + p.id() + " for a leader of the school"
                    + " (DSL or headteacher) to approve it; devices receive it once approved.", List.of(), "",
                    DnsCoverage.of(p.fileName(), document == null ? "" : document));
        } catch (InvalidPolicyException e) {
            ctx.status(422);
            render(ctx, session, null, e.problems().stream().map(PolicyProblem::toString).toList(),
                    document == null ? "" : document, DnsCoverage.FULL);
        } catch (ConsoleException e) {
            ctx.status(409);
            render(ctx, session, e.getMessage(), List.of(), document == null ? "" : document, DnsCoverage.FULL);
        }
    }

    private void emergencyForm(Context ctx) {
        Session session = AccessControl.session(ctx);
        try {
            var change = filtering.changes().emergencyBlock(PolicyChangeRoutes.actor(session),
                    ChangeTarget.parse(ctx.formParam("school")), ctx.formParam("domain"),
                    ctx.formParam("reason"));
            render(ctx, session, "Blocked now as emergency change " + change.id() + " for " + change.schools().size()
                    + " school(s); a second approver must review it within 24 hours.", List.of(), "",
                    DnsCoverage.FULL);
        } catch (InvalidPolicyException e) {
            ctx.status(422);
            render(ctx, session, null, e.problems().stream().map(PolicyProblem::toString).toList(), "",
                    DnsCoverage.FULL);
        } catch (ConsoleException e) {
            ctx.status(409);
            render(ctx, session, e.getMessage(), List.of(), "", DnsCoverage.FULL);
        }
    }

    private void render(Context ctx, Session session, String notice, List<String> problems, String draft,
                        DnsCoverage uploaded) {
        audit.record(session.username(), AuditAction.POLICY_HISTORY_VIEW, "page");
        List<School> schools = session.scope().schoolIds().stream().sorted()
                .flatMap(id -> filtering.schools().school(id).stream()).toList();
        ctx.html(templates.render("policy.jte", new PolicyView(session.username(), schools,
                filtering.policies().history(session.scope(), 20), notice, problems, draft, uploaded,
                liveLimits(schools))));
    }

    /** Each school's live policy whose entries the devices cannot all enforce, said on the page every time. */
    private List<PolicyView.LiveLimits> liveLimits(List<School> schools) {
        return schools.stream().flatMap(school -> filtering.policies().live(school.id()).stream()
                .map(live -> new PolicyView.LiveLimits(school.name(), live.version(),
                        DnsCoverage.of("policy", new String(live.document(), StandardCharsets.UTF_8)))))
                .filter(l -> l.coverage().limited()).toList();
    }

    /** {@code provider} (null: every school, provider-wide) or the school named; see {@link #school}. */
    private static Long target(Session session, String param) {
        return param != null && param.strip().equals("provider") ? null : school(session, param);
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
