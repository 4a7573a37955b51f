package io.vigil.agent.testing;

import io.vigil.agent.filter.BrowsingSummary;
import io.vigil.agent.filter.FilterAlert;
import io.vigil.agent.filter.FilterEvent;
import io.vigil.agent.filter.FilterListener;
import io.vigil.agent.filter.ReviewRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every filter record in memory for assertions. */
public final class RecordingFilterListener implements FilterListener {

    public final List<FilterEvent> events = new CopyOnWriteArrayList<>();
    public final List<BrowsingSummary> browsing = new CopyOnWriteArrayList<>();
    public final List<FilterAlert> alerts = new CopyOnWriteArrayList<>();
    public final List<ReviewRequest> reviews = new CopyOnWriteArrayList<>();

    @Override
    public void blocked(FilterEvent event) {
        events.add(event);
    }

    @Override
    public void browsing(BrowsingSummary summary) {
        browsing.add(summary);
    }

    @Override
    public void alert(FilterAlert alert) {
        alerts.add(alert);
    }

    @Override
    public void reviewRequested(ReviewRequest request) {
        reviews.add(request);
    }
}
