package io.vigil.agent.filter;

import io.vigil.agent.alert.BrowsingSummaryRecord;
import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.FilterEventRecord;
import io.vigil.agent.alert.ReviewRequestRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** For {@code vigil-agent filter} run alone: every filter record as one log line, so an engineer sees what happens. */
public final class LoggingFilterListener implements FilterListener {

    private static final Logger log = LoggerFactory.getLogger("io.vigil.agent.filter.events");

    @Override
    public void report(DeviceRecord record) {
        switch (record) {
            case FilterEventRecord e -> log.info("blocked {} category={} group={} user={}: {}", e.domain(),
                    e.category(), e.group(), e.user(), e.reason());
            case BrowsingSummaryRecord s -> log.info("browsing user={} hour={} {}", s.user(), s.hour(),
                    s.requestsByDomain());
            case ReviewRequestRecord r -> log.info("review requested for {} ({}) by {}: {}", r.domain(),
                    r.category(), r.user(), r.comment());
            default -> log.info("{}", record.kind());
        }
    }

    @Override
    public void alert(FilterAlert a) {
        log.warn("ALERT {} user={} domain={} category={}: {}", a.kind(), a.user(), a.domain(), a.category(), a.reason());
    }
}
