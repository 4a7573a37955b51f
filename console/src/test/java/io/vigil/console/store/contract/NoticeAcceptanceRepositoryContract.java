package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.NoticeAcceptance;
import io.vigil.console.domain.NoticeAcceptanceRepository;
import io.vigil.console.domain.Scope;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcNoticeAcceptanceRepository;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What {@link NoticeAcceptanceRepository} promises, whatever database is behind it. */
public interface NoticeAcceptanceRepositoryContract extends StoreContract {

    default NoticeAcceptanceRepository notices() {
        return new JdbcNoticeAcceptanceRepository(dataSource());
    }

    private static NoticeAcceptance acceptance(String device, long sequence, String user) {
        return new NoticeAcceptance(UUID.randomUUID().toString(), device, sequence, user, "2026-09", "pupils",
                T0.plusSeconds(sequence));
    }

    @Test
    default void aResentAcceptanceIsStoredOnceAndCountsTowardsTheMark() {
        device("dev-1", "LAPTOP-01");
        NoticeAcceptance a = acceptance("dev-1", 4, "j.smith");
        assertTrue(notices().storeOnce(a, T0));
        assertFalse(notices().storeOnce(a, T0));
        assertEquals(1, notices().inScope(everySchool(), java.util.Optional.empty(), 10).size());
        assertEquals(4, new JdbcDeviceRepository(dataSource()).highestStoredSequence("dev-1"));
    }

    @Test
    default void concurrentResendsStoreItOnce() throws Exception {
        device("dev-1", "LAPTOP-01");
        NoticeAcceptance a = acceptance("dev-1", 1, "j.smith");
        List<Boolean> stored = StoreContract.concurrently(8,
                () -> new JdbcNoticeAcceptanceRepository(dataSource()).storeOnce(a, T0));
        assertEquals(1, stored.stream().filter(s -> s).count(), stored.toString());
    }

    @Test
    default void eachSchoolSeesOnlyItsOwnAcceptancesNewestFirst() {
        device("oak-1", "OAK-01", "Oak Primary");
        device("elm-1", "ELM-01", "Elm High");
        notices().storeOnce(acceptance("oak-1", 1, "a.pupil"), T0);
        notices().storeOnce(acceptance("oak-1", 2, "b.pupil"), T0);
        notices().storeOnce(acceptance("elm-1", 1, "c.pupil"), T0);
        var oak = notices().inScope(Scope.of(school("Oak Primary")), java.util.Optional.empty(), 10);
        assertEquals(List.of("b.pupil", "a.pupil"), oak.stream().map(n -> n.user()).toList());
        assertEquals("OAK-01", oak.getFirst().hostname());
        assertEquals(List.of("a.pupil"), notices().inScope(Scope.of(school("Oak Primary")),
                java.util.Optional.of("a.pupil"), 10).stream().map(n -> n.user()).toList());
        assertEquals(List.of(), notices().inScope(new Scope(java.util.Set.of()), java.util.Optional.empty(), 10));
    }
}
