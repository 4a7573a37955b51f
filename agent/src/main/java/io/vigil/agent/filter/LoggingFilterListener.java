package io.vigil.agent.filter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For {@code vigil-agent filter} run alone: every filter record as one log line, so an engineer sees what happens. */
public final class LoggingFilterListener implements FilterListener {

    private static final Logger log = LoggerFactory.getLogger("io.vigil.agent.filter.events");

    @Override
    public void blocked(FilterEvent e) {
        log.info("{} {} category={} group={} user={} — {}", e.action(), e.domain(), e.category(), e.group(),
                e.user(), e.reason());
    }

    @Override
    public void browsing(BrowsingSummary s) {
        log.info("browsing user={} hour={} {}", s.user(), s.hour(), s.requestsByDomain());
    }

    @Override
    public void alert(FilterAlert a) {
        log.warn("ALERT {} user={} domain={} category={} — {}", a.kind(), a.user(), a.domain(), a.category(), a.reason());
    }

    @Override
    public void reviewRequested(ReviewRequest r) {
        log.info("review requested for {} ({}) by {}: {}", r.domain(), r.category(), r.user(), r.comment());
    }
}
