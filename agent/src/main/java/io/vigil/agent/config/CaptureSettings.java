package io.vigil.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the agent captures and keeps, per school (config file keys in brackets).
 *
 * @param keyboard              capture typed text with the keyboard hook [capture.keyboard]
 * @param windows               watch the foreground window [capture.windows]
 * @param windowPoll            how often the window watcher looks [capture.windows.poll_ms]
 * @param signInTitles          extra title patterns of sign-in windows [privacy.signin.title_pattern]
 * @param signInApps            extra apps that only show secret prompts [privacy.signin.apps]
 * @param screenshotCategories  categories whose alerts carry a screenshot; empty means none (opt-in)
 *                              [screenshot.categories, "all" for every category that allows one]
 * @param screenshotMinSeverity only alerts at or above this severity [screenshot.min_severity]
 * @param noImagery             categories the school marks "no imagery", added to the fixed ones
 *                              [screenshot.never]
 */
public record CaptureSettings(boolean keyboard, boolean windows, Duration windowPoll, List<Pattern> signInTitles,
                              Set<String> signInApps, Set<String> screenshotCategories, int screenshotMinSeverity,
                              Set<String> noImagery) {

    /**
     * Categories that never carry a screenshot, whatever the config says: a picture of the screen could
     * itself be an indecent image of a child, which school policies forbid copying. "adult" is the web
     * filter's category for adult sites.
     */
    public static final Set<String> NEVER_IMAGERY = Set.of("sexual_content", "grooming", "sexting", "adult");
    /** Means "every category that may have imagery" in {@link #screenshotCategories}. */
    public static final String ALL = "all";
    public static final Duration DEFAULT_WINDOW_POLL = Duration.ofSeconds(1);
    public static final CaptureSettings DEFAULTS = new CaptureSettings(true, true, DEFAULT_WINDOW_POLL, List.of(),
            Set.of(), Set.of(), 4, Set.of());

    public CaptureSettings {
        Objects.requireNonNull(windowPoll);
        signInTitles = List.copyOf(signInTitles);
        signInApps = Set.copyOf(signInApps);
        screenshotCategories = Set.copyOf(screenshotCategories);
        noImagery = Set.copyOf(noImagery);
    }
}
