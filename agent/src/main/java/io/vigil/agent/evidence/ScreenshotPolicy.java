package io.vigil.agent.evidence;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.config.CaptureSettings;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether an alert gets a screenshot: only categories the school opted into, only at or above
 * the configured severity, and never for the categories where the screen could show an indecent image
 * of a child (sexual content, grooming, sexting, adult sites) or any the school marks "no imagery".
 * The "never" check is made here again, not only when the config is read, so no later change to the
 * settings can switch it off.
 */
public final class ScreenshotPolicy {

    private final Set<String> categories;
    private final boolean all;
    private final int minSeverity;
    private final Set<String> never;

    public ScreenshotPolicy(CaptureSettings settings) {
        this.all = settings.screenshotCategories().contains(CaptureSettings.ALL);
        this.categories = settings.screenshotCategories();
        this.minSeverity = settings.screenshotMinSeverity();
        Set<String> n = new TreeSet<>(CaptureSettings.NEVER_IMAGERY);
        n.addAll(settings.noImagery());
        this.never = Set.copyOf(n);
    }

    /** Whether the school opted into screenshots at all. */
    public boolean enabled() {
        return all || !categories.isEmpty();
    }

    public boolean wants(AlertRecord alert) {
        if (never.contains(alert.category()) || alert.severity() < minSeverity) {
            return false;
        }
        return all || categories.contains(alert.category());
    }
}
