package io.vigil.console.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.vigil.console.audit.AuditedScreenshotReader;
import io.vigil.console.domain.AlertValidator;
import io.vigil.console.domain.InvalidAlertException;
import io.vigil.console.domain.Role;

/**
 * GET /api/alerts/{uuid}/screenshot: the screen when the alert was raised. Safeguarding roles only (the IT
 * administrator gets 403, like for alert text); each view is audited.
 *
 * <p>Kept in its own class so the permission rework can move it to the new model in one place.
 */
final class ScreenshotRoutes {

    private final SessionCookie cookie;
    private final AuditedScreenshotReader screenshots;

    ScreenshotRoutes(SessionCookie cookie, AuditedScreenshotReader screenshots) {
        this.cookie = cookie;
        this.screenshots = screenshots;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/alerts/{uuid}/screenshot", this::screenshot);
    }

    private void screenshot(Context ctx) {
        var session = cookie.require(ctx, Role::readsAlerts);
        String uuid = ctx.pathParam("uuid");
        try {
            AlertValidator.requireUuid(uuid);
        } catch (InvalidAlertException e) {
            throw ApiException.badRequest("not an alert id: " + uuid);
        }
        var shot = screenshots.view(session.username(), uuid)
                .orElseThrow(() -> new ApiException(404, "this alert has no screenshot"));
        // Evidence: never cached by the browser or a proxy, never sniffed as anything but an image.
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "inline; filename=\"alert-" + uuid + (shot.mediaType().equals("image/png")
                ? ".png" : ".jpg") + "\"");
        ctx.contentType(shot.mediaType()).result(shot.data());
    }
}
