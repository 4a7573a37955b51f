package io.vigil.console.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.School;
import io.vigil.console.domain.Actor;
import io.vigil.console.lists.InvalidListsException;
import io.vigil.console.lists.ListArchive;
import io.vigil.console.lists.ListChange;
import io.vigil.console.policy.PolicyRepository;
import io.vigil.console.web.view.ListsView;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyword-list publishing: the IT role proposes (zip upload), blocks in an emergency and asks for rollbacks
 * ({@code lists.publish}); leaders of a school decide its changes ({@code changes.approve}); a second IT provider
 * decides provider-wide ones; leaders and governors read the change log ({@code reports.read}). Everything shown
 * is rules and counts, never pupils' words.
 */
final class KeywordListRoutes {

    private final WebServer.Lists lists;
    private final PolicyRepository policies;
    private final AuditLog audit;
    private final Templates templates;

    /** @param policies for the filter-policy changes shown in the same change log */
    KeywordListRoutes(WebServer.Lists lists, PolicyRepository policies, AuditLog audit, Templates templates) {
        this.lists = lists;
        this.policies = policies;
        this.audit = audit;
        this.templates = templates;
    }

    void register(SecuredRoutes routes) {
        Access publish = Access.to(Permission.LISTS_PUBLISH);
        Access approve = Access.to(Permission.CHANGES_APPROVE);
        routes.post("/api/keyword-lists", publish, this::proposeJson)
                .get("/api/keyword-lists", publish, ctx -> changeLogJson(ctx, "it"))
                .get("/api/keyword-lists/changes", Access.to(Permission.REPORTS_READ), ctx -> changeLogJson(ctx, "leaders"))
                .get("/api/keyword-lists/devices", publish, this::devicesJson)
                .post("/api/keyword-lists/emergency", publish, this::emergencyJson)
                .post("/api/keyword-lists/rollback/{id}", publish, this::rollbackJson)
                .post("/api/keyword-lists/changes/{id}/{decision}", approve, this::decideJson)
                .post("/api/keyword-lists/provider-changes/{id}/{decision}", publish, this::decideJson)
                .get("/keyword-lists", publish, ctx -> render(ctx, null, List.of()))
                .get("/keyword-lists/changes", Access.to(Permission.REPORTS_READ), ctx -> render(ctx, null, List.of()))
                .post("/keyword-lists", publish, this::proposeForm)
                .post("/keyword-lists/emergency", publish, this::emergencyForm)
                .post("/keyword-lists/changes/{id}", approve, this::decideForm)
                .post("/keyword-lists/provider-changes/{id}", publish, this::decideForm);
    }

    record RefusedView(String error, List<String> problems) {
    }

    /** A change as the API shows it: rules and counts, times as ISO-8601 text. */
    record ChangeView(long id, Long schoolId, String action, String status, String layerVersion, String reason,
                      String requestedBy, String requestedAt, String decidedBy, String decidedAt, String reviewDue,
                      String reviewedBy, String reviewedAt, String flaggedAt, List<Long> schools,
                      io.vigil.console.lists.ListDiff diff, io.vigil.console.lists.RetroTest retroTest) {
        static ChangeView of(ListChange c) {
            return new ChangeView(c.id(), c.schoolId(), c.action(), c.status(), c.layerVersion(), c.reason(),
                    c.requestedBy(), JsonViews.iso(c.requestedAt()), c.decidedBy(), iso(c.decidedAt()),
                    iso(c.reviewDue()), c.reviewedBy(), iso(c.reviewedAt()), iso(c.flaggedAt()), c.schools(), c.diff(),
                    c.retroTest());
        }

        private static String iso(java.time.Instant at) {
            return at == null ? null : JsonViews.iso(at);
        }
    }

    record ChangeLogView(List<ChangeView> changes) {
    }

    record DeviceView(String deviceId, String running, String error, String reportedAt) {
    }

    record EmergencyRequest(String school, String category, String term, Integer severity, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    private static Actor actor(Context ctx) {
        Session s = AccessControl.session(ctx);
        return new Actor(s.username(), s.roles(), s.scope());
    }

    /** Body: the zip; {@code ?school=ID} for a school's own words, {@code ?school=provider} (or none) for all. */
    private void proposeJson(Context ctx) {
        Actor actor = actor(ctx);
        respond(ctx, () -> ctx.status(201).json(ChangeView.of(lists.publisher().propose(actor,
                ChangeTarget.parse(ctx.queryParam("school")), body(ctx), ctx.queryParam("reason")))));
    }

    private void emergencyJson(Context ctx) {
        Actor actor = actor(ctx);
        EmergencyRequest r = ctx.bodyAsClass(EmergencyRequest.class);
        respond(ctx, () -> ctx.status(201).json(ChangeView.of(lists.publisher().emergencyBlock(actor,
                ChangeTarget.parse(r.school()), r.category(), r.term(), r.severity() == null ? 4 : r.severity(),
                r.reason()))));
    }

    private void rollbackJson(Context ctx) {
        Actor actor = actor(ctx);
        String reason = ctx.body().isBlank() ? "" : ctx.bodyAsClass(ReasonRequest.class).reason();
        respond(ctx, () -> ctx.status(201).json(ChangeView.of(lists.publisher().proposeRollback(actor, id(ctx),
                reason))));
    }

    private void decideJson(Context ctx) {
        Actor actor = actor(ctx);
        String reason = ctx.body().isBlank() ? "" : ctx.bodyAsClass(ReasonRequest.class).reason();
        respond(ctx, () -> ctx.json(ChangeView.of(decide(actor, id(ctx), ctx.pathParam("decision"), reason))));
    }

    private ListChange decide(Actor actor, long id, String decision, String reason) {
        return switch (decision) {
            case "approve" -> lists.publisher().approve(actor, id);
            case "review" -> lists.publisher().review(actor, id);
            case "reject" -> {
                lists.publisher().reject(actor, id, reason);
                yield lists.repository().change(id).orElseThrow();
            }
            default -> throw ApiException.badRequest("decision: approve, reject or review");
        };
    }

    private void changeLogJson(Context ctx, String who) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.POLICY_HISTORY_VIEW, "keyword_lists change log " + who);
        ctx.json(new ChangeLogView(lists.repository().changeLog(session.scope(), 100).stream().map(ChangeView::of)
                .toList()));
    }

    private void devicesJson(Context ctx) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.DEVICES_LIST, "keyword_lists versions");
        ctx.json(lists.repository().deviceStatuses(session.scope()).values().stream().map(d -> new DeviceView(
                d.deviceId(), d.running(), d.error(), d.reportedAt() == null ? null : JsonViews.iso(d.reportedAt())))
                .toList());
    }

    private static void respond(Context ctx, Runnable action) {
        try {
            action.run();
        } catch (InvalidListsException e) {
            ctx.status(422).json(new RefusedView("lists refused; nothing was published", e.problems()));
        } catch (ConsoleException e) {
            ctx.status(409).json(new JsonViews.ErrorResponse(e.getMessage()));
        }
    }

    private void proposeForm(Context ctx) {
        Actor actor = actor(ctx);
        UploadedFile file = ctx.uploadedFile("zip");
        form(ctx, () -> {
            byte[] zip = file == null ? new byte[0] : bounded(file.content());
            ListChange c = lists.publisher().propose(actor, ChangeTarget.parse(ctx.formParam("school")), zip,
                    ctx.formParam("reason"));
            return "The lists are valid and wait as change " + c.id() + " for a second person to approve; "
                    + c.diff().summary() + ".";
        });
    }

    private void emergencyForm(Context ctx) {
        Actor actor = actor(ctx);
        form(ctx, () -> {
            int severity = ctx.formParam("severity") == null ? 4 : Integer.parseInt(ctx.formParam("severity").strip());
            ListChange c = lists.publisher().emergencyBlock(actor, ChangeTarget.parse(ctx.formParam("school")),
                    ctx.formParam("category"), ctx.formParam("term"), severity, ctx.formParam("reason"));
            return "Blocked now as emergency change " + c.id() + "; a second approver must review it within 24 hours.";
        });
    }

    private void decideForm(Context ctx) {
        Actor actor = actor(ctx);
        long id = id(ctx);
        String decision = String.valueOf(ctx.formParam("decision"));
        form(ctx, () -> {
            decide(actor, id, decision, ctx.formParam("reason"));
            return "Change " + id + ": " + decision + " recorded.";
        });
    }

    private interface FormAction {
        String run() throws IOException;
    }

    private void form(Context ctx, FormAction action) {
        try {
            render(ctx, action.run(), List.of());
        } catch (InvalidListsException e) {
            ctx.status(422);
            render(ctx, null, e.problems());
        } catch (ConsoleException | NumberFormatException | IOException e) {
            ctx.status(409);
            render(ctx, e.getMessage(), List.of());
        }
    }

    private void render(Context ctx, String notice, List<String> problems) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.POLICY_HISTORY_VIEW, "keyword_lists page");
        List<School> schools = session.scope().schoolIds().stream().sorted()
                .flatMap(id -> lists.schools().school(id).stream()).toList();
        boolean manage = session.may(Permission.LISTS_PUBLISH);
        ctx.html(templates.render("lists.jte", new ListsView(session.username(), manage,
                session.may(Permission.CHANGES_APPROVE), schools, lists.repository().changeLog(session.scope(), 50),
                policies.changeLog(session.scope(), 50),
                manage ? new ArrayList<>(lists.repository().deviceStatuses(session.scope()).values()) : List.of(),
                notice, problems)));
    }

    /** Read past Javalin's small body limit, with the archive's own limit (the zip is then checked entry by entry). */
    private static byte[] body(Context ctx) {
        try {
            return bounded(ctx.req().getInputStream());
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the upload: " + e.getMessage());
        }
    }

    private static byte[] bounded(InputStream in) throws IOException {
        try (in) {
            return BoundedBody.read(in, ListArchive.MAX_ZIP_BYTES).orElseThrow(() -> new InvalidListsException(
                    List.of("upload: more than " + ListArchive.MAX_ZIP_BYTES + " bytes")));
        }
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("id: '" + ctx.pathParam("id") + "' is not a change id");
        }
    }
}
