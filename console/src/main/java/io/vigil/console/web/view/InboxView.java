package io.vigil.console.web.view;

import java.util.List;

/**
 * The DSL's inbox.
 *
 * @param notice       a plain-language problem with the search or filters, or null
 * @param appliedQuery the query string of the filters as applied (not as typed since), for the refresh
 * @param knownIds     ids of the newest, most urgent alerts at render time, space-separated, so the refresh can
 *                     tell which alerts are new
 */
public record InboxView(String username, String q, List<Option> categories, List<Option> severities,
                        List<Option> statuses, String notice, Paging paging, List<AlertRow> rows,
                        String appliedQuery, String knownIds) {
}
