package io.vigil.console.domain;

import java.util.List;

/** One page of search results: how many alerts matched in total, and the first {@code limit} of them. */
public record AlertPage(long total, List<StoredAlert> alerts) {

    public AlertPage {
        alerts = List.copyOf(alerts);
    }
}
