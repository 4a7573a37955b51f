package io.vigil.agent.testing;

import io.vigil.agent.alert.BrowsingSummaryRecord;
import io.vigil.agent.alert.FilterEventRecord;
import io.vigil.agent.alert.NoticeAcceptanceRecord;
import io.vigil.agent.alert.ReviewRequestRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sample records of the kinds other than alerts, for tests. */
public final class Records {

    private static final Instant AT = Instant.parse("2026-11-23T10:15:30.5Z");

    private Records() {
    }

    public static FilterEventRecord filterEvent() {
        return FilterEventRecord.of("example-adult.test", FilterEventRecord.Action.BLOCKED, "adult", "j.smith", AT,
                "chromium", "ks3", "category adult");
    }

    public static NoticeAcceptanceRecord noticeAcceptance() {
        return NoticeAcceptanceRecord.of("j.smith", "2026-09", "pupils", AT);
    }

    public static BrowsingSummaryRecord browsingSummary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("bbc.co.uk", 12);
        counts.put("wikipedia.org", 3);
        return BrowsingSummaryRecord.of("j.smith", Instant.parse("2026-11-23T10:00:00Z"), counts);
    }

    public static ReviewRequestRecord reviewRequest() {
        return ReviewRequestRecord.of("j.smith", "history-site.test", "weapons", "It's for my WW2 homework — ünïcode", AT);
    }
}
