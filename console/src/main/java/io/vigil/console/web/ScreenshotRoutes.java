package io.vigil.console.web;

import io.javalin.http.Context;
import io.vigil.console.audit.AuditedScreenshotReader;
import io.vigil.console.domain.AlertValidator;
import io.vigil.console.domain.InvalidAlertException;
import io.vigil.console.domain.Permission;

/**
 * GET /api/alerts/{uuid}/screenshot?reason=...: the screen when the alert was raised. Safeguarding roles only
 * (the IT administrator gets 403, like for alert text); the viewer must give a reason, audited with the view.
 *
 * <p>Another school's alert answers exactly as an alert without a screenshot does (404), so ids reveal nothing.
 */
final class ScreenshotRoutes {

    private final AuditedScreenshotReader screenshots;

    ScreenshotRoutes(AuditedScreenshotReader screenshots) {
        this.screenshots = screenshots;
    }

    void register(SecuredRoutes routes) {
        // Evidence is alert content: the same permission as the alert's words.
        routes.get("/api/alerts/{uuid}/screenshot", Access.to(Permission.ALERTS_READ), this::screenshot);
    }

    private void screenshot(Context ctx) {
        var session = AccessControl.session(ctx);
        String uuid = ctx.pathParam("uuid");
        try {
            AlertValidator.requireUuid(uuid);
        } catch (InvalidAlertException e) {
            throw ApiException.badRequest("not an alert id: " + uuid);
        }
        String reason = ctx.queryParam("reason");
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            // Evidence is looked at for a reason, and the reason is kept: ask for it first.
            throw ApiException.badRequest("say why you need to see the screenshot (reason, up to 500 characters)");
        }
        var shot = screenshots.view(session.username(), uuid, session.scope(), reason.strip())
                .orElseThrow(() -> new ApiException(404, "this alert has no screenshot"));
        // Evidence: never cached by the browser or a proxy, never sniffed as anything but an image.
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Disposition", "inline; filename=\"alert-" + uuid + (shot.mediaType().equals("image/png")
                ? ".png" : ".jpg") + "\"");
        ctx.contentType(shot.mediaType()).result(shot.data());
    }
}
