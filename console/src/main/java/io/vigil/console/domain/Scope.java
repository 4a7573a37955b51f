package io.vigil.console.domain;

import java.util.Set;
import java.util.TreeSet;

/**
 * The schools whose records a request may see, and which of their alerts ({@link Readership}: routing and
 * conflict of interest). Every alert and device query carries one, and the store and index apply it themselves,
 * so a forgotten filter in a handler cannot leak another school's data or a colleague's alert. An empty scope
 * sees nothing: deny by default.
 */
public record Scope(Set<Long> schoolIds, Readership readership) {

    public Scope {
        schoolIds = Set.copyOf(new TreeSet<>(schoolIds));
        java.util.Objects.requireNonNull(readership, "readership");
    }

    /** The console's own view of these schools (every alert): for system work, never a signed-in person. */
    public Scope(Set<Long> schoolIds) {
        this(schoolIds, Readership.SYSTEM);
    }

    /** The same schools, as {@code reader} sees them. */
    public Scope forReader(Readership reader) {
        return new Scope(schoolIds, reader);
    }

    /** True when no alert can be in this scope: no school, or a reader whose roles receive no alerts. */
    public boolean seesNoAlerts() {
        return isEmpty() || readership.seesNothing();
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
        return new Scope(Set.of(schoolId), readership);
    }

    /** Sorted ids, for SQL {@code in} lists and index filters. */
    public long[] ids() {
        return schoolIds.stream().mapToLong(Long::longValue).sorted().toArray();
    }
}
