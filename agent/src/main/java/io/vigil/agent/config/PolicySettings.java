package io.vigil.agent.config;

import io.vigil.agent.policy.DetectionProfiles;
import io.vigil.agent.policy.GroupMapping;
import io.vigil.agent.policy.MonitoringScope;
import io.vigil.agent.policy.NoticeTexts;
import java.util.Objects;

/**
 * What the school decided about who is monitored, when, what they are told, and how they ask for help
 * (config file keys in {@link PolicySettingsParser}).
 *
 * @param groups       which monitoring group a signed-in user is in [group.*]
 * @param scope        when each group is monitored [monitor.*, school_hours.*]
 * @param notices      the notice each group is shown at log-on [notice.*]
 * @param showNotice   whether the notice is shown at all [notice.enabled]
 * @param help         whether the local "Get help" page runs [help.enabled]
 * @param helpSeverity severity of the alert a pupil's request for help raises [help.severity]
 * @param detection    how much a finding needs to alert, per group or year group [detect.*]
 */
public record PolicySettings(GroupMapping groups, MonitoringScope scope, NoticeTexts notices, boolean showNotice,
                             boolean help, int helpSeverity, DetectionProfiles detection) {

    public static final int DEFAULT_HELP_SEVERITY = 4;
    public static final PolicySettings DEFAULTS = new PolicySettings(GroupMapping.DEFAULTS, MonitoringScope.DEFAULTS,
            NoticeTexts.DEFAULTS, true, true, DEFAULT_HELP_SEVERITY, DetectionProfiles.DEFAULTS);

    /** Without detection profiles: every finding alerts for everyone (profile {@code all}). */
    public PolicySettings(GroupMapping groups, MonitoringScope scope, NoticeTexts notices, boolean showNotice,
                          boolean help, int helpSeverity) {
        this(groups, scope, notices, showNotice, help, helpSeverity, DetectionProfiles.DEFAULTS);
    }

    public PolicySettings {
        Objects.requireNonNull(groups);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(notices);
        Objects.requireNonNull(detection);
        if (helpSeverity < 1 || helpSeverity > 5) {
            throw new IllegalArgumentException("help severity " + helpSeverity + " is outside 1-5");
        }
    }
}
