package io.vigil.console.people;

import java.util.List;

/** What a directory import changed: counts, and the names of the people removed (they go in the audit log). */
public record ImportSummary(int added, int updated, List<String> removed) {

    public ImportSummary {
        removed = List.copyOf(removed);
    }
}
