package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.School;
import io.vigil.console.domain.SchoolRepository;
import io.vigil.console.domain.Trust;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link SchoolRepository} promises, whatever database is behind it. */
public interface SchoolRepositoryContract extends StoreContract {

    default SchoolRepository schools() {
        return new JdbcSchoolRepository(dataSource());
    }

    @Test
    default void schoolsAreFoundByNameAndIdAndListedByName() {
        School elm = schools().createSchool("Elm Academy", Optional.empty(), T0);
        School ash = schools().createSchool("Ash Infants", Optional.empty(), T0);
        assertEquals(Optional.of(elm), schools().school("Elm Academy"));
        assertEquals(Optional.of(ash), schools().school(ash.id()));
        assertEquals(Optional.empty(), schools().school("Nowhere High"));
        assertEquals(List.of("Ash Infants", "Elm Academy"), schools().schools().stream().map(School::name).toList());
    }

    @Test
    default void aTrustGroupsItsSchoolsOnly() {
        Trust trust = schools().createTrust("Oak Learning Trust", T0);
        School a = schools().createSchool("Oak Primary", Optional.of(trust.id()), T0);
        School b = schools().createSchool("Oak Juniors", Optional.of(trust.id()), T0);
        schools().createSchool("Independent School", Optional.empty(), T0);
        assertEquals(Optional.of(trust.id()), a.trustId());
        assertEquals(Optional.of(trust), schools().trust("Oak Learning Trust"));
        assertEquals(List.of(a.id(), b.id()), schools().schoolIdsOfTrust(trust.id()).stream().sorted().toList());
        School later = schools().createSchool("Oak Nursery", Optional.of(trust.id()), T0);
        assertTrue(schools().schoolIdsOfTrust(trust.id()).contains(later.id()), "a school added later joins");
    }

    @Test
    default void namesAreUniqueAndADuplicateIsNamed() {
        schools().createSchool("Oak Primary", Optional.empty(), T0);
        schools().createTrust("Oak Learning Trust", T0);
        var school = assertThrows(ConsoleException.class,
                () -> schools().createSchool("Oak Primary", Optional.empty(), T0));
        assertTrue(school.getMessage().contains("'Oak Primary' already exists"), school.getMessage());
        var trust = assertThrows(ConsoleException.class, () -> schools().createTrust("Oak Learning Trust", T0));
        assertTrue(trust.getMessage().contains("'Oak Learning Trust' already exists"), trust.getMessage());
    }
}
