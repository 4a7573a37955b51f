package io.vigil.console.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The placeholder behind {@link FilteringReports#NOT_KEPT}: acknowledges by returning and keeps nothing.
 * Logs at debug only, and never the domains or comments (they say what a child browsed or wrote).
 */
final class UnkeptFilteringReports implements FilteringReports {

    private static final Logger LOG = LoggerFactory.getLogger(UnkeptFilteringReports.class);

    @Override
    public void browsingSummary(BrowsingSummary summary) {
        LOG.debug("Browsing summary {} from device {} ({} domains) acknowledged; not kept: no store for browsing "
                + "summaries yet", summary.uuid(), summary.deviceId(), summary.requestsByDomain().size());
    }

    @Override
    public void reviewRequest(ReviewRequest request) {
        LOG.debug("Review request {} from device {} acknowledged; not kept: no store for review requests yet",
                request.uuid(), request.deviceId());
    }
}
