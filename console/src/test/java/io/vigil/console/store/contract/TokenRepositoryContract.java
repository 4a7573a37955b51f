package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigil.console.domain.School;
import io.vigil.console.domain.TokenRepository;
import io.vigil.console.store.jdbc.JdbcTokenRepository;
import io.vigil.console.store.jdbc.StoreException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link TokenRepository} promises, whatever database is behind it. */
public interface TokenRepositoryContract extends StoreContract {

    default TokenRepository tokens() {
        return new JdbcTokenRepository(dataSource());
    }

    @Test
    default void aTokenNamesTheSchoolItWasCreatedFor() {
        long oak = school("Oak Primary");
        long welsh = school("Ysgol Gymraeg Aberyst\u0175yth");
        tokens().create("1".repeat(64), oak, T0);
        tokens().create("2".repeat(64), welsh, T0);
        assertEquals(Optional.of(oak), tokens().activeSchool("1".repeat(64)).map(School::id));
        assertEquals(Optional.of("Ysgol Gymraeg Aberyst\u0175yth"),
                tokens().activeSchool("2".repeat(64)).map(School::name));
    }

    @Test
    default void anUnknownTokenNamesNoSchool() {
        tokens().create("1".repeat(64), school("Oak Primary"), T0);
        assertEquals(Optional.empty(), tokens().activeSchool("f".repeat(64)));
    }

    @Test
    default void aTokenHashIsStoredOnce() {
        long oak = school("Oak Primary");
        tokens().create("1".repeat(64), oak, T0);
        assertThrows(StoreException.class, () -> tokens().create("1".repeat(64), school("Elm Academy"), T0));
        assertEquals(Optional.of(oak), tokens().activeSchool("1".repeat(64)).map(School::id), "first school kept");
    }

    @Test
    default void aTokenForASchoolThatDoesNotExistIsRefused() {
        assertThrows(StoreException.class, () -> tokens().create("1".repeat(64), 987_654, T0));
    }
}
