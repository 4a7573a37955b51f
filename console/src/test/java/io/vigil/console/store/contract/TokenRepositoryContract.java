package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        tokens().create("1".repeat(64), "Oak Primary", T0);
        tokens().create("2".repeat(64), "Ysgol Gymraeg Aberyst\u0175yth", T0);
        assertEquals(Optional.of("Oak Primary"), tokens().activeSchool("1".repeat(64)));
        assertEquals(Optional.of("Ysgol Gymraeg Aberyst\u0175yth"), tokens().activeSchool("2".repeat(64)));
    }

    @Test
    default void anUnknownTokenNamesNoSchool() {
        tokens().create("1".repeat(64), "Oak Primary", T0);
        assertEquals(Optional.empty(), tokens().activeSchool("f".repeat(64)));
    }

    @Test
    default void aTokenHashIsStoredOnce() {
        tokens().create("1".repeat(64), "Oak Primary", T0);
        assertThrows(StoreException.class, () -> tokens().create("1".repeat(64), "Elm Academy", T0));
        assertEquals(Optional.of("Oak Primary"), tokens().activeSchool("1".repeat(64)), "first school kept");
    }
}
