package io.vigil.console.people;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Storage of each school's directory, asset log, generic logins, priority marks and console-user links. */
public interface Directory {

    /**
     * Replaces the school's directory with {@code entries} in one transaction. A person keeps their identity (and
     * so their device allocations, priority mark and console links) when any of their logins is still in the file;
     * people no longer in it are removed.
     */
    ImportSummary replace(long schoolId, List<DirectoryEntry> entries);

    List<Person> people(long schoolId);

    /** The people behind these logins (any case) in this school, keyed by lower-case login. */
    Map<String, Person> byLogins(long schoolId, Collection<String> logins);

    /** The person each of these devices is allocated to, keyed by device id; unallocated devices are absent. */
    Map<String, Person> allocations(Collection<String> deviceIds);

    /**
     * Allocates the school's device (by id or hostname) to the person with {@code login}.
     *
     * @return the device id, or empty when the device or the person is not the school's
     */
    Optional<String> allocate(long schoolId, String device, String login, String actor, Instant at);

    List<String> genericLogins(long schoolId);

    void replaceGenericLogins(long schoolId, List<String> patterns);

    /**
     * Marks (reason present) or unmarks the pupil with {@code login} as priority.
     *
     * @return false when no pupil of the school has that login
     */
    boolean setPriority(long schoolId, String login, Optional<String> reason, String actor, Instant at);

    /**
     * Records that console user {@code username} is the person with {@code login} in that school.
     *
     * @return false when the user or the person does not exist
     */
    boolean link(String username, long schoolId, String login);
}
