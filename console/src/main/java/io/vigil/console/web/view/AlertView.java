package io.vigil.console.web.view;

import io.vigil.console.domain.AlertExplainer;
import java.util.List;

/**
 * One alert's page: what was written (with the matched words marked), why it alerted, where and when, the
 * pupil's earlier alerts, and the case.
 *
 * @param context     labelled facts about the alert (app, window, address or search term, user, device, school,
 *                    time), in the order shown
 * @param screenshot  whether to offer the screenshot (it exists and the viewer may see evidence)
 * @param notice      a plain-words problem with the last change asked for, or null
 */
public record AlertView(String username, String uuid, int severity, String severityLabel, String categoryName,
                        String illegalContentRoute, String language, String languageName,
                        List<AlertExplainer.Segment> snippet, List<String> reasons, List<Fact> context,
                        boolean screenshot, List<AlertRow> earlier, CaseView caseView, String notice) {

    /** A labelled value; {@code iso} is a machine-readable time for a {@code <time>} element, or null. */
    public record Fact(String label, String value, String iso) {
        public Fact(String label, String value) {
            this(label, value, null);
        }
    }

    public boolean urgent() {
        return severity == 5;
    }
}
