package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.EnrolmentToken;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.TokenRepository;
import io.vigil.console.store.jdbc.JdbcFleetRepository;
import io.vigil.console.store.jdbc.JdbcTokenRepository;
import io.vigil.console.store.jdbc.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link TokenRepository} promises, whatever database is behind it. */
public interface TokenRepositoryContract extends StoreContract {

    default TokenRepository tokens() {
        return new JdbcTokenRepository(dataSource());
    }

    @Test
    default void aTokenNamesTheSchoolItWasCreatedForAndWhoMadeIt() {
        long oak = school("Oak Primary");
        long welsh = school("Ysgol Gymraeg Aberyst\u0175yth");
        tokens().create("1".repeat(64), oak, "it.lee", T0, null);
        tokens().create("2".repeat(64), welsh, "it.lee", T0, T0.plus(Duration.ofDays(7)));
        EnrolmentToken first = tokens().byHash("1".repeat(64)).orElseThrow();
        assertEquals(oak, first.schoolId());
        assertEquals("it.lee", first.createdBy());
        assertEquals(T0, first.createdAt());
        assertNull(first.expiresAt());
        EnrolmentToken second = tokens().byHash("2".repeat(64)).orElseThrow();
        assertEquals("Ysgol Gymraeg Aberyst\u0175yth", second.schoolName());
        assertEquals(T0.plus(Duration.ofDays(7)), second.expiresAt());
        assertEquals(EnrolmentToken.State.EXPIRED, second.state(T0.plus(Duration.ofDays(7))));
    }

    @Test
    default void anUnknownTokenIsNotFound() {
        tokens().create("1".repeat(64), school("Oak Primary"), "it.lee", T0, null);
        assertEquals(Optional.empty(), tokens().byHash("f".repeat(64)));
    }

    @Test
    default void aTokenHashIsStoredOnce() {
        long oak = school("Oak Primary");
        tokens().create("1".repeat(64), oak, "", T0, null);
        assertThrows(StoreException.class, () -> tokens().create("1".repeat(64), school("Elm Academy"), "", T0, null));
        assertEquals(oak, tokens().byHash("1".repeat(64)).orElseThrow().schoolId(), "first school kept");
    }

    @Test
    default void aTokenForASchoolThatDoesNotExistIsRefused() {
        assertThrows(StoreException.class, () -> tokens().create("1".repeat(64), 987_654, "", T0, null));
    }

    @Test
    default void aRevokedTokenKeepsItsFirstRevocation() {
        long id = tokens().create("1".repeat(64), school("Oak Primary"), "it.lee", T0, null);
        assertTrue(tokens().revoke(id, "it.lee", T0.plusSeconds(60)));
        assertFalse(tokens().revoke(id, "someone.else", T0.plusSeconds(120)));
        EnrolmentToken t = tokens().byId(id).orElseThrow();
        assertEquals("it.lee", t.revokedBy());
        assertEquals(T0.plusSeconds(60), t.revokedAt());
        assertEquals(EnrolmentToken.State.REVOKED, t.state(T0.plusSeconds(60)));
    }

    @Test
    default void eachUseIsCountedAndRecordedOnTheDevice() {
        long oak = school("Oak Primary");
        long id = tokens().create("1".repeat(64), oak, "it.lee", T0, null);
        device("dev-1", "LAPTOP-1");
        device("dev-2", "LAPTOP-2");
        tokens().recordUse(id, "dev-1");
        tokens().recordUse(id, "dev-2");
        assertEquals(2, tokens().byId(id).orElseThrow().uses());
        var fleet = new JdbcFleetRepository(dataSource());
        assertEquals(id, fleet.device("dev-1", Scope.of(oak)).orElseThrow().tokenId());
        assertEquals("it.lee", fleet.device("dev-2", Scope.of(oak)).orElseThrow().tokenCreatedBy());
    }

    @Test
    default void aSchoolSeesOnlyItsOwnTokensNewestFirst() {
        long oak = school("Oak Primary");
        long elm = school("Elm Academy");
        long older = tokens().create("1".repeat(64), oak, "", T0, null);
        long newer = tokens().create("2".repeat(64), oak, "", T0.plusSeconds(1), null);
        tokens().create("3".repeat(64), elm, "", T0, null);
        assertEquals(List.of(newer, older), tokens().inScope(Scope.of(oak)).stream().map(EnrolmentToken::id).toList());
        assertEquals(List.of(), tokens().inScope(Scope.nothing()));
    }
}
