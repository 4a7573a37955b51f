package io.vigil.agent.filter;

/**
 * Where the filter's records go. The composition root connects it to the durable spool (so records reach the
 * console exactly once, across outages); tests collect them in memory. Calls come from resolver threads and
 * must not block for long.
 */
public interface FilterListener {

    void blocked(FilterEvent event);

    void browsing(BrowsingSummary summary);

    void alert(FilterAlert alert);

    void reviewRequested(ReviewRequest request);

    FilterListener NONE = new FilterListener() {
        @Override
        public void blocked(FilterEvent event) {
        }

        @Override
        public void browsing(BrowsingSummary summary) {
        }

        @Override
        public void alert(FilterAlert alert) {
        }

        @Override
        public void reviewRequested(ReviewRequest request) {
        }
    };
}
