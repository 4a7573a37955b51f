package io.vigil.console.filtering;

import io.vigil.console.domain.Scope;
import java.util.List;

/**
 * Reads of what devices reported about web filtering. Every read is scoped to schools by the store itself;
 * callers audit reads of a pupil's browsing before showing them.
 */
public interface FilteringRecords {

    /** Newest first. */
    List<StoredFilterEvent> filterEvents(FilteringQuery query);

    /** Allowed browsing added up per domain over the query's period, most requested first. */
    List<SiteVisits> sitesVisited(FilteringQuery query);

    /** Newest first. */
    List<StoredReviewRequest> reviewRequests(Scope scope, int limit);
}
