package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.auth.Session;
import io.vigil.console.auth.SessionStore;
import java.util.Optional;

/**
 * The session cookie: a random id only, HttpOnly (no script can read it), Secure (HTTPS only) and
 * SameSite=Strict (never sent on cross-site requests, which also stops cross-site form posts).
 */
final class SessionCookie {

    static final String NAME = "vigil_session";
    /**
     * Sent by inbox.js on its timed refreshes. Those are not the DSL doing anything, so they must not restart
     * the idle timer: otherwise an inbox left open on an unattended screen would never lock.
     */
    static final String BACKGROUND = "X-Vigil-Background";

    private final SessionStore sessions;

    SessionCookie(SessionStore sessions) {
        this.sessions = sessions;
    }

    void set(Context ctx, Session session) {
        ctx.header("Set-Cookie", NAME + "=" + session.id() + "; Path=/; HttpOnly; Secure; SameSite=Strict");
    }

    void clear(Context ctx) {
        sessions.close(ctx.cookie(NAME));
        ctx.header("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict");
    }

    Optional<Session> current(Context ctx) {
        String id = ctx.cookie(NAME);
        return ctx.header(BACKGROUND) != null ? sessions.peek(id) : sessions.touch(id);
    }
}
