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
        ctx.header("Referrer-Policy", "no-referrer");
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
        if (origin != null && !origin.equals("null") && host != null && !origin.equals("https://" + host)) {
            throw new ApiException(403, "cross-site request refused");
        }
    }
}
