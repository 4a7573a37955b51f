package io.vigil.console.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.audit.AuditedAlertReader;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.Session;
import io.vigil.console.auth.SessionStore;
import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.InvalidQueryException;
import java.util.List;

/** Server-rendered pages: sign-in, and the inbox for those allowed to read alerts. */
final class PageRoutes {

    private final SessionCookie cookie;
    private final SessionStore sessions;
    private final Login login;
    private final AuditedAlertReader alerts;
    private final AuditLog audit;
    private final InboxPage inbox;

    PageRoutes(SessionCookie cookie, SessionStore sessions, Login login, AuditedAlertReader alerts, AuditLog audit,
               CategoryCatalog categories) {
        this.cookie = cookie;
        this.sessions = sessions;
        this.login = login;
        this.alerts = alerts;
        this.audit = audit;
        this.inbox = new InboxPage(categories);
    }

    void register(RoutesConfig routes) {
        routes.get("/", this::home);
        routes.post("/login", this::signIn);
        routes.post("/logout", this::signOut);
    }

    private void home(Context ctx) {
        var session = cookie.current(ctx);
        if (session.isEmpty()) {
            ctx.html(SignInPage.render(null, null));
            return;
        }
        if (!session.get().role().readsAlerts()) {
            ctx.html(NoAlertsPage.render(session.get()));
            return;
        }
        inbox(ctx, session.get());
    }

    private void inbox(Context ctx, Session session) {
        AlertQuery query;
        try {
            query = AlertQueryParams.parse(ctx::queryParam, session.scope());
        } catch (ApiException e) {
            ctx.status(400).html(inbox.render(session.username(), AlertQuery.all(session.scope()), new AlertPage(0, List.of()),
                    e.getMessage()));
            return;
        }
        try {
            ctx.html(inbox.render(session.username(), query, alerts.find(session.username(), "inbox.view", query),
                    null));
        } catch (InvalidQueryException e) {
            ctx.status(400).html(inbox.render(session.username(), query, new AlertPage(0, List.of()),
                    e.getMessage()));
        }
    }

    private void signIn(Context ctx) {
        String username = ctx.formParam("username");
        var user = login.check(username, ctx.formParam("password"));
        if (user.isEmpty()) {
            audit.record(String.valueOf(username), "session.failed", "form from " + ctx.ip());
            ctx.status(401).html(SignInPage.render("Wrong username or password.", username));
            return;
        }
        cookie.set(ctx, sessions.open(user.get(), login.scopeOf(user.get())));
        audit.record(user.get().username(), "session.open", "form from " + ctx.ip());
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        cookie.current(ctx).ifPresent(s -> audit.record(s.username(), "session.close", "form"));
        cookie.clear(ctx);
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
