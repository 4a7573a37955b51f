package io.vigil.console.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Schools and trusts. */
public interface SchoolRepository {

    /** @throws ConsoleException if a trust of that name exists */
    Trust createTrust(String name, Instant at);

    /** @throws ConsoleException if a school of that name exists */
    School createSchool(String name, Optional<Long> trustId, Instant at);

    Optional<School> school(String name);

    Optional<School> school(long id);

    Optional<Trust> trust(String name);

    /** Every school, by name. */
    List<School> schools();

    /** Ids of the schools in a trust now (a school added later joins its trust members' scope at once). */
    List<Long> schoolIdsOfTrust(long trustId);
}
