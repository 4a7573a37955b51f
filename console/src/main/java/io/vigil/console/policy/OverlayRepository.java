package io.vigil.console.policy;

import io.vigil.console.domain.Scope;
import java.time.Instant;
import java.util.List;

/** Grants and suspensions, kept for the record even after they expire. */
public interface OverlayRepository {

    void add(FilterOverlay overlay);

    /** Those of the school still in force at {@code now}, oldest first. */
    List<FilterOverlay> active(long schoolId, Instant now);

    /** Those of the schools in scope still in force at {@code now}, newest first. */
    List<FilterOverlay> active(Scope scope, Instant now);
}
