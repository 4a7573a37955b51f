package io.vigil.console.web;

import io.javalin.http.Context;

/**
 * Headers on every response. The CSP allows only same-origin resources and no inline script, which is
 * why all script lives in /static; frame-ancestors 'none' stops the inbox being framed (clickjacking).
 */
final class SecurityHeaders {

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy",
                "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on our own form posts, and
        // sign-in must refuse null origins (login CSRF). Other sites still receive no referrer at all.
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Strict-Transport-Security", "max-age=31536000");
        // Alert content must not linger in shared or browser caches.
        ctx.header("Cache-Control", "no-store");
    }

    /** Refuses state-changing requests sent by another site's page (defence in depth beside SameSite). */
    static void checkOrigin(Context ctx) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        // Login CSRF: a sandboxed frame or a data: page posts with "Origin: null"; signing someone into the
        // attacker's account is refused as firmly as any other cross-site post. (Our own pages send their
        // real origin, because the Referrer-Policy is same-origin.)
        if ("null".equals(origin) && isSignIn(ctx)) {
            throw new ApiException(403, "cross-site sign-in refused");
        }
        if (origin != null && !origin.equals("null") && host != null && !origin.equals("https://" + host)) {
            throw new ApiException(403, "cross-site request refused");
        }
    }

    private static boolean isSignIn(Context ctx) {
        return ctx.path().equals("/api/session") || ctx.path().equals("/login");
    }
}
