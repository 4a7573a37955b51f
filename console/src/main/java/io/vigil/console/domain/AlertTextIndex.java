package io.vigil.console.domain;

import java.util.List;
import java.util.Optional;

/** Full-text search over alerts. It returns row ids only: the {@link AlertRepository} holds the content. */
public interface AlertTextIndex {

    /**
     * Row ids of alerts matching {@code text}, most severe then most recent first, at most {@code max}.
     *
     * @throws InvalidQueryException if {@code text} is not valid query syntax
     */
    List<Long> search(String text, Optional<String> category, Optional<Integer> minSeverity, int max);
}
