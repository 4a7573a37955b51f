package io.vigil.console.domain;

import java.util.List;

/** Full-text search over alerts. It returns row ids only: the {@link AlertRepository} holds the content. */
public interface AlertTextIndex {

    /** One page of row ids in urgency order (most severe, then most recent), and the exact number of matches. */
    record Hits(long total, List<Long> rowIds) {
        public Hits {
            rowIds = List.copyOf(rowIds);
        }
    }

    /**
     * The page {@code query} asks for, with every filter and the scope applied inside the index.
     *
     * @throws InvalidQueryException if the text is not valid query syntax
     */
    Hits search(AlertQuery query);

    /** How many stored alerts this index has not taken in yet. */
    long notYetSearchable();
}
