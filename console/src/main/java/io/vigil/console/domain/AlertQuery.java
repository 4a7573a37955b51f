package io.vigil.console.domain;

import java.util.Optional;

/**
 * What a DSL asked the inbox for. Empty optionals mean "no filter".
 *
 * @param text free text in the search index's query syntax
 */
public record AlertQuery(Optional<String> text, Optional<String> category, Optional<Integer> minSeverity,
                         Optional<AlertStatus> status, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public AlertQuery {
        text = text.map(String::strip).filter(t -> !t.isEmpty());
        category = category.map(String::strip).filter(c -> !c.isEmpty());
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
        if (minSeverity.isPresent() && (minSeverity.get() < 1 || minSeverity.get() > 5)) {
            throw new IllegalArgumentException("minSeverity must be 1 to 5");
        }
    }

    public static AlertQuery all() {
        return new AlertQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);
    }
}
