package io.vigil.console.domain;

import java.util.List;

/**
 * One page of results: how many alerts matched in total (exact), the page itself, and how many stored alerts
 * the search index has not taken in yet (text searches may miss those; the inbox says so instead of hiding it).
 */
public record AlertPage(long total, List<StoredAlert> alerts, long notYetSearchable) {

    public AlertPage {
        alerts = List.copyOf(alerts);
    }

    public AlertPage(long total, List<StoredAlert> alerts) {
        this(total, alerts, 0);
    }
}
