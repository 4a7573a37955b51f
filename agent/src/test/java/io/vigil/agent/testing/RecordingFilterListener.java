package io.vigil.agent.testing;

import io.vigil.agent.alert.BrowsingSummaryRecord;
import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.FilterEventRecord;
import io.vigil.agent.alert.ReviewRequestRecord;
import io.vigil.agent.filter.FilterAlert;
import io.vigil.agent.filter.FilterListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every filter record in memory for assertions. */
public final class RecordingFilterListener implements FilterListener {

    public final List<FilterEventRecord> events = new CopyOnWriteArrayList<>();
    public final List<BrowsingSummaryRecord> browsing = new CopyOnWriteArrayList<>();
    public final List<FilterAlert> alerts = new CopyOnWriteArrayList<>();
    public final List<ReviewRequestRecord> reviews = new CopyOnWriteArrayList<>();

    @Override
    public void report(DeviceRecord record) {
        switch (record) {
            case FilterEventRecord e -> events.add(e);
            case BrowsingSummaryRecord b -> browsing.add(b);
            case ReviewRequestRecord r -> reviews.add(r);
            default -> throw new AssertionError("the filter reported a " + record.kind());
        }
    }

    @Override
    public void alert(FilterAlert alert) {
        alerts.add(alert);
    }
}
