package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Session;
import io.vigil.console.domain.Permission;
import io.vigil.console.filtering.FilteringQuery;
import io.vigil.console.filtering.FilteringRecords;
import io.vigil.console.filtering.SiteVisits;
import io.vigil.console.filtering.StoredFilterEvent;
import io.vigil.console.filtering.StoredReviewRequest;
import io.vigil.console.web.view.FilteringView;
import java.time.Clock;
import java.util.List;

/**
 * What pupils' devices blocked and visited, for the safeguarding roles ({@code alerts.read}: it is as
 * personal as alert content, so every read is audited before anything is returned), and the over-blocking
 * review requests for the IT role ({@code lists.publish}, the people who can change the policy).
 */
final class FilteringRoutes {

    private final FilteringRecords records;
    private final AuditLog audit;
    private final Templates templates;
    private final Clock clock = Clock.systemUTC();

    FilteringRoutes(FilteringRecords records, AuditLog audit, Templates templates) {
        this.records = records;
        this.audit = audit;
        this.templates = templates;
    }

    record FilterEventView(String id, long schoolId, String deviceId, String device, String user, String domain,
                           String action, String category, String group, String reason, String app,
                           String occurredAt) {
        static FilterEventView of(StoredFilterEvent e) {
            return new FilterEventView(e.uuid(), e.schoolId(), e.deviceId(), e.hostname(), e.user(), e.domain(),
                    e.action(), e.category(), e.group(), e.reason(), e.app(), JsonViews.iso(e.occurredAt()));
        }
    }

    record FilterEventsResponse(String from, String to, List<FilterEventView> events) {
    }

    record SitesVisitedResponse(String user, String from, String to, List<SiteVisits> sites) {
    }

    record ReviewRequestView(String id, long schoolId, String deviceId, String user, String domain, String category,
                             String comment, String requestedAt) {
        static ReviewRequestView of(StoredReviewRequest r) {
            return new ReviewRequestView(r.uuid(), r.schoolId(), r.deviceId(), r.user(), r.domain(), r.category(),
                    r.comment(), JsonViews.iso(r.requestedAt()));
        }
    }

    record ReviewRequestsResponse(List<ReviewRequestView> requests) {
    }

    void register(SecuredRoutes routes) {
        routes.get("/api/filter-events", Access.to(Permission.ALERTS_READ), this::filterEvents)
                .get("/api/sites-visited", Access.to(Permission.ALERTS_READ), this::sitesVisited)
                .get("/api/review-requests", Access.to(Permission.LISTS_PUBLISH), this::reviewRequests)
                .get("/filtering", Access.to(Permission.ALERTS_READ), this::page)
                .get("/review-requests", Access.to(Permission.LISTS_PUBLISH), this::reviewPage);
    }

    private FilteringQuery query(Context ctx, Session session, AuditAction action) {
        FilteringQuery query = FilteringQueryParams.parse(ctx::queryParam, session.scope(), clock);
        audit.record(session.username(), action, query.describe());
        return query;
    }

    private void filterEvents(Context ctx) {
        FilteringQuery q = query(ctx, AccessControl.session(ctx), AuditAction.FILTER_EVENTS_SEARCH);
        ctx.json(new FilterEventsResponse(q.from().toString(), q.to().toString(),
                records.filterEvents(q).stream().map(FilterEventView::of).toList()));
    }

    private void sitesVisited(Context ctx) {
        FilteringQuery q = query(ctx, AccessControl.session(ctx), AuditAction.BROWSING_VIEW);
        ctx.json(new SitesVisitedResponse(q.user().orElse(null), q.from().toString(), q.to().toString(),
                records.sitesVisited(q)));
    }

    private void reviewRequests(Context ctx) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.REVIEW_REQUESTS_LIST, "api");
        ctx.json(new ReviewRequestsResponse(records.reviewRequests(session.scope(), 200).stream()
                .map(ReviewRequestView::of).toList()));
    }

    private void page(Context ctx) {
        Session session = AccessControl.session(ctx);
        FilteringQuery q;
        try {
            q = FilteringQueryParams.parse(ctx::queryParam, session.scope(), clock);
        } catch (ApiException e) {
            ctx.status(400);
            ctx.html(templates.render("filtering.jte", FilteringView.problem(session.username(), ctx::queryParam,
                    e.getMessage())));
            return;
        }
        audit.record(session.username(), AuditAction.FILTER_EVENTS_SEARCH, "page " + q.describe());
        audit.record(session.username(), AuditAction.BROWSING_VIEW, "page " + q.describe());
        ctx.html(templates.render("filtering.jte", FilteringView.of(session.username(), ctx::queryParam,
                records.filterEvents(q), records.sitesVisited(q))));
    }

    private void reviewPage(Context ctx) {
        Session session = AccessControl.session(ctx);
        audit.record(session.username(), AuditAction.REVIEW_REQUESTS_LIST, "page");
        ctx.html(templates.render("review-requests.jte", new FilteringView.Reviews(session.username(),
                records.reviewRequests(session.scope(), 200))));
    }
}
