package io.vigil.console.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.auth.Session;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one access check, run before every matched route: reads the route's declared {@link Access}, finds
 * the session, and refuses the request unless the session's roles grant what the route requires. A route
 * that declares nothing is refused outright (and logged as a programming error), so forgetting to declare
 * access closes a route instead of opening it.
 */
final class AccessControl {

    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
    private static final String SESSION = "vigil.session";

    private final SessionCookie cookie;
    private final AuditLog audit;

    AccessControl(SessionCookie cookie, AuditLog audit) {
        this.cookie = cookie;
        this.audit = audit;
    }

    void check(Context ctx) {
        List<Access> declared = declared(ctx.routeRoles());
        if (declared.size() != 1) {
            LOG.error("Route {} {} declares {} access rules, not exactly one; refused", ctx.method(),
                    ctx.path(), declared.size());
            throw new ApiException(403, "this address has no access rule and is closed");
        }
        Access access = declared.getFirst();
        if (access instanceof Access.Public) {
            return;
        }
        Optional<Session> session = cookie.current(ctx);
        if (session.isEmpty()) {
            if (isPage(ctx)) {
                // A person following a link or an idle-locked page: send them to sign in, not to an error.
                ctx.redirect("/login", HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw ApiException.signInRequired();
        }
        if (access.permission().isPresent() && !session.get().may(access.permission().get())) {
            audit.record(session.get().username(), AuditAction.ACCESS_DENIED,
                    ctx.method() + " " + ctx.path() + " needs " + access.describe());
            throw ApiException.forbidden();
        }
        ctx.attribute(SESSION, session.get());
    }

    static List<Access> declared(java.util.Set<RouteRole> roles) {
        return roles.stream().filter(Access.class::isInstance).map(Access.class::cast).toList();
    }

    /** The session {@link #check} admitted; only routes that are not {@link Access#PUBLIC} have one. */
    static Session session(Context ctx) {
        Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new IllegalStateException("no session on " + ctx.path() + ": is the route declared PUBLIC?");
        }
        return session;
    }

    static boolean isPage(Context ctx) {
        return !ctx.path().startsWith("/api/");
    }
}
