package io.vigil.console.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.audit.AuditedAlertReader;
import io.vigil.console.auth.Login;
import io.vigil.console.auth.Session;
import io.vigil.console.auth.SessionStore;
import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.domain.Permission;
import java.util.List;

/** Server-rendered pages: sign-in, the inbox for those allowed to read alerts, a welcome page for others. */
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

    void register(SecuredRoutes routes) {
        routes.get("/login", Access.PUBLIC, ctx -> ctx.html(SignInPage.render(null, null)))
                .post("/login", Access.PUBLIC, this::signIn)
                // Public so an idle-locked page can still sign out; it closes only the caller's own session.
                .post("/logout", Access.PUBLIC, this::signOut)
                .get("/", Access.SIGNED_IN, this::home)
                .get("/welcome", Access.SIGNED_IN, ctx -> ctx.html(NoAlertsPage.render(AccessControl.session(ctx))))
                .get("/inbox", Access.to(Permission.ALERTS_READ), this::inbox);
    }

    /** Each person starts where their roles let them work. */
    private void home(Context ctx) {
        boolean readsAlerts = AccessControl.session(ctx).may(Permission.ALERTS_READ);
        ctx.redirect(readsAlerts ? "/inbox" : "/welcome", HttpStatus.SEE_OTHER);
    }

    private void inbox(Context ctx) {
        Session session = AccessControl.session(ctx);
        AlertQuery query;
        try {
            query = AlertQueryParams.parse(ctx::queryParam);
        } catch (ApiException e) {
            ctx.status(400).html(inbox.render(session.username(), AlertQuery.all(), new AlertPage(0, List.of()),
                    e.getMessage()));
            return;
        }
        try {
            ctx.html(inbox.render(session.username(), query,
                    alerts.find(session.username(), AuditAction.INBOX_VIEW, query), null));
        } catch (InvalidQueryException e) {
            ctx.status(400).html(inbox.render(session.username(), query, new AlertPage(0, List.of()),
                    e.getMessage()));
        }
    }

    private void signIn(Context ctx) {
        String username = ctx.formParam("username");
        var user = login.check(username, ctx.formParam("password"));
        if (user.isEmpty()) {
            audit.record(String.valueOf(username), AuditAction.SESSION_FAILED, "form from " + ctx.ip());
            ctx.status(401).html(SignInPage.render("Wrong username or password.", username));
            return;
        }
        cookie.set(ctx, sessions.open(user.get()));
        audit.record(user.get().username(), AuditAction.SESSION_OPEN, "form from " + ctx.ip());
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        cookie.current(ctx).ifPresent(s -> audit.record(s.username(), AuditAction.SESSION_CLOSE, "form"));
        cookie.clear(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }
}
