package io.vigil.console.audit;

import io.vigil.console.domain.AlertScreenshot;
import io.vigil.console.domain.ScreenshotRepository;
import io.vigil.console.domain.Scope;
import java.util.Optional;

/**
 * The only way the web layer reads a screenshot. A screenshot is alert content: the audit row is written
 * before the image is returned, and if it cannot be written the image is not shown.
 */
public final class AuditedScreenshotReader {

    private final ScreenshotRepository screenshots;
    private final AuditLog audit;

    public AuditedScreenshotReader(ScreenshotRepository screenshots, AuditLog audit) {
        this.screenshots = screenshots;
        this.audit = audit;
    }

    /**
     * The screenshot of an alert in one of {@code scope}'s schools; empty for any other school's alert.
     *
     * @param reason why the viewer needs to see it, in their words: kept in the audit log beside the view
     */
    public Optional<AlertScreenshot> view(String actor, String alertUuid, Scope scope, String reason) {
        Optional<AlertScreenshot> shot = screenshots.find(alertUuid, scope);
        audit.record(actor, AuditAction.ALERT_SCREENSHOT_VIEW, "alert=" + alertUuid + " found=" + shot.isPresent()
                + " reason=" + reason);
        return shot;
    }
}
