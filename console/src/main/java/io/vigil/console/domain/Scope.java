package io.vigil.console.domain;

import java.util.Set;
import java.util.TreeSet;

/**
 * The schools whose records a request may see. Every alert and device query carries one, and the store and
 * index apply it themselves, so a forgotten filter in a handler cannot leak another school's data. An empty
 * scope sees nothing: deny by default.
 */
public record Scope(Set<Long> schoolIds) {

    public Scope {
        schoolIds = Set.copyOf(new TreeSet<>(schoolIds));
    }

    public static Scope of(long... schoolIds) {
        Set<Long> ids = new TreeSet<>();
        for (long id : schoolIds) {
            ids.add(id);
        }
        return new Scope(ids);
    }

    public static Scope nothing() {
        return new Scope(Set.of());
    }

    public boolean isEmpty() {
        return schoolIds.isEmpty();
    }

    public boolean contains(long schoolId) {
        return schoolIds.contains(schoolId);
    }

    /**
     * Only {@code schoolId}, when this scope includes it: a trust-wide reader filtering to one school.
     *
     * @throws InvalidQueryException naming the school id when it is outside this scope
     */
    public Scope narrowTo(long schoolId) {
        if (!contains(schoolId)) {
            throw new InvalidQueryException("school " + schoolId + " is not one of your schools");
        }
        return of(schoolId);
    }

    /** Sorted ids, for SQL {@code in} lists and index filters. */
    public long[] ids() {
        return schoolIds.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
