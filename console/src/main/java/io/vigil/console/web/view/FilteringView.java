package io.vigil.console.web.view;

import io.vigil.console.filtering.SiteVisits;
import io.vigil.console.filtering.StoredFilterEvent;
import io.vigil.console.filtering.StoredReviewRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The filtering page: the search form as submitted, blocked requests and sites visited.
 *
 * @param problem why the search could not run, or null
 */
public record FilteringView(String username, String user, String device, String from, String to,
                            List<StoredFilterEvent> events, List<SiteVisits> sites, String problem) {

    public static FilteringView of(String username, Function<String, String> param, List<StoredFilterEvent> events,
                                   List<SiteVisits> sites) {
        return new FilteringView(username, value(param, "user"), value(param, "device"), value(param, "from"),
                value(param, "to"), events, sites, null);
    }

    public static FilteringView problem(String username, Function<String, String> param, String problem) {
        return new FilteringView(username, value(param, "user"), value(param, "device"), value(param, "from"),
                value(param, "to"), List.of(), List.of(), problem);
    }

    private static String value(Function<String, String> param, String name) {
        return Optional.ofNullable(param.apply(name)).orElse("");
    }

    /** The review-requests page. */
    public record Reviews(String username, List<StoredReviewRequest> requests) {
    }
}
