package io.vigil.console.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.audit.AuditedAlertReader;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.Session;
import io.vigil.console.auth.SessionStore;
import io.vigil.console.auth.SignInResult;
import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.domain.Permission;
import io.vigil.console.domain.Role;
import io.vigil.console.web.view.SignInView;
import io.vigil.console.web.view.WelcomeView;
import java.util.List;

/**
 * Server-rendered pages: sign-in, the inbox for those allowed to read alerts (and the fragment its refresh
 * fetches), and a welcome page for everyone else.
 */
final class PageRoutes {

    private final SessionCookie cookie;
    private final SessionStore sessions;
    private final Login login;
    private final AuditedAlertReader alerts;
    private final AuditLog audit;
    private final InboxPage inbox;
    private final Templates templates;

    PageRoutes(SessionCookie cookie, SessionStore sessions, Login login, AuditedAlertReader alerts, AuditLog audit,
               CategoryCatalog categories, java.util.function.LongFunction<java.time.Duration> repeatWindow,
               Templates templates) {
        this(cookie, sessions, login, alerts, audit, categories, repeatWindow, templates,
                io.vigil.console.people.AlertPeople.NONE);
    }

    PageRoutes(SessionCookie cookie, SessionStore sessions, Login login, AuditedAlertReader alerts, AuditLog audit,
               CategoryCatalog categories, java.util.function.LongFunction<java.time.Duration> repeatWindow,
               Templates templates, io.vigil.console.people.AlertPeople people) {
        this.cookie = cookie;
        this.sessions = sessions;
        this.login = login;
        this.alerts = alerts;
        this.audit = audit;
        this.inbox = new InboxPage(categories, repeatWindow, people);
        this.templates = templates;
    }

    void register(SecuredRoutes routes) {
        routes.get("/login", Access.PUBLIC, ctx -> ctx.html(templates.render("signin.jte", new SignInView(null, null, false))))
                .post("/login", Access.PUBLIC, this::signIn)
                // Public so an idle-locked page can still sign out; it closes only the caller's own session.
                .post("/logout", Access.PUBLIC, this::signOut)
                .get("/", Access.SIGNED_IN, this::home)
                .get("/welcome", Access.SIGNED_IN, this::welcome)
                // Everyone signed in: governors and leaders as well as the DSL must know what Vigil cannot see.
                .get("/coverage", Access.SIGNED_IN, ctx -> ctx.html(templates.render("coverage.jte",
                        AccessControl.session(ctx).username())))
                .get("/inbox", Access.to(Permission.ALERTS_ROUTED), this::inbox)
                .get("/inbox/rows", Access.to(Permission.ALERTS_ROUTED), this::rows);
    }

    /** Each person starts where their roles let them work. */
    private void home(Context ctx) {
        boolean readsAlerts = AccessControl.session(ctx).may(Permission.ALERTS_READ);
        ctx.redirect(readsAlerts ? "/inbox" : "/welcome", HttpStatus.SEE_OTHER);
    }

    private void welcome(Context ctx) {
        Session session = AccessControl.session(ctx);
        List<WelcomeView.Link> links = new java.util.ArrayList<>();
        if (session.may(Permission.ALERTS_ROUTED) && !session.may(Permission.ALERTS_READ)) {
            // The headteacher and the chair of governors: only the alerts conflict of interest routes to them.
            links.add(new WelcomeView.Link("/inbox", "Alerts routed to you (about staff for the headteacher, about"
                    + " the headteacher for the chair of governors)"));
        }
        if (session.may(Permission.ALERTS_READ)) {
            links.add(new WelcomeView.Link("/filtering", "Web filtering: blocked requests and sites visited"));
        }
        if (session.may(Permission.DEVICES_READ)) {
            links.add(new WelcomeView.Link("/devices", "Devices: health, not reporting, revoke"));
        }
        if (session.may(Permission.DEVICES_MANAGE)) {
            links.add(new WelcomeView.Link("/tokens", "Enrolment tokens: make, expire, revoke"));
        }
        if (session.may(Permission.LISTS_PUBLISH)) {
            links.add(new WelcomeView.Link("/filter-policy", "Filter policy: check and propose a change"));
            links.add(new WelcomeView.Link("/review-requests", "Requests to review a block"));
        }
        if (session.may(Permission.AUDIT_READ)) {
            links.add(new WelcomeView.Link("/audit", "Audit log: who read or changed what"));
        }
        if (session.may(Permission.CHANGES_APPROVE)) {
            links.add(new WelcomeView.Link("/filter-policy/changes", "Filter policy changes waiting for approval"));
        }
        ctx.html(templates.render("welcome.jte", new WelcomeView(session.username(),
                session.roles().stream().sorted().map(Role::title).toList(), session.may(Permission.DEVICES_READ),
                links)));
    }

    private void inbox(Context ctx) {
        Session session = AccessControl.session(ctx);
        AlertQuery query = AlertQuery.all(session.scope());
        try {
            query = AlertQueryParams.parse(ctx::queryParam, session.scope());
            AlertPage page = alerts.find(session.username(), AuditAction.INBOX_VIEW, query);
            List<String> known = query.offset() == 0 ? page.alerts().stream().map(a -> a.uuid()).toList()
                    : alerts.ids(query).ids();
            ctx.html(templates.render("inbox.jte", inbox.view(session.username(), ctx::queryParam, query, page, known, null)));
        } catch (ApiException e) {
            renderProblem(ctx, session, query, "The filters could not be used: " + e.getMessage() + ".");
        } catch (InvalidQueryException e) {
            // The search explains itself in plain words (what went wrong and how to search).
            renderProblem(ctx, session, query, e.getMessage());
        }
    }

    private void renderProblem(Context ctx, Session session, AlertQuery query, String notice) {
        ctx.status(400).html(templates.render("inbox.jte", inbox.view(session.username(), ctx::queryParam,
                query.toBuilder().offset(0).build(), new AlertPage(0, List.of()), List.of(), notice)));
    }

    /**
     * The rows alone, for the inbox's refresh: the same template as the page, so a row is rendered one way.
     * This shows alert content, so it is audited like the page.
     */
    private void rows(Context ctx) {
        Session session = AccessControl.session(ctx);
        AlertQuery query = AlertQueryParams.parse(ctx::queryParam, session.scope());
        AlertPage page = alerts.find(session.username(), AuditAction.INBOX_VIEW, query);
        ctx.header("X-Vigil-Total", String.valueOf(page.total()));
        ctx.html(templates.render("rows.jte", inbox.rows(page)));
    }

    private void signIn(Context ctx) {
        String username = ctx.formParam("username");
        SignInResult result = login.attempt(username, ctx.formParam("password"), ctx.formParam("totp"), ctx.ip());
        if (!(result instanceof SignInResult.SignedIn signedIn)) {
            var refusal = SignInOutcome.refuse(ctx, audit, username, result, "form");
            String message = Character.toUpperCase(refusal.message().charAt(0)) + refusal.message().substring(1) + ".";
            ctx.status(refusal.status()).html(templates.render("signin.jte", new SignInView(message, username,
                    result instanceof SignInResult.CodeNeeded)));
            return;
        }
        cookie.set(ctx, sessions.open(signedIn.user()));
        audit.record(signedIn.user().username(), AuditAction.SESSION_OPEN, "form from " + ctx.ip());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        cookie.current(ctx).ifPresent(s -> audit.record(s.username(), AuditAction.SESSION_CLOSE, "form"));
        cookie.clear(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }
}
