package io.vigil.filter;

import io.vigil.filter.match.DomainMatcher;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A filter group (ks1, ks2, staff, suspended ...): what it blocks and when, its own allow-list exceptions and
 * its search settings.
 *
 * @param blockAll the group withdraws the internet altogether (the suspended group)
 */
public record Group(String name, List<BlockRule> rules, DomainMatcher allow, boolean safeSearch,
                    YouTubeMode youTube, boolean blockAll) {

    /** The first rule active now that blocks one of {@code categories}, or {@code null}. */
    public BlockRule blockingRule(long categories, ZonedDateTime schoolTime) {
        for (BlockRule rule : rules) {
            if ((rule.categories() & categories) != 0 && rule.activeAt(schoolTime)) {
                return rule;
            }
        }
        return null;
    }
}
