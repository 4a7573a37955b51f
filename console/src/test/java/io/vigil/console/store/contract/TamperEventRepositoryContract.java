package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.Scope;
import io.vigil.console.domain.TamperEvent;
import io.vigil.console.domain.TamperEventRepository;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcTamperEventRepository;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What {@link TamperEventRepository} promises, whatever database is behind it. */
public interface TamperEventRepositoryContract extends StoreContract {

    default TamperEventRepository tamperEvents() {
        return new JdbcTamperEventRepository(dataSource());
    }

    private static TamperEvent event(String device, long sequence, String kind) {
        return new TamperEvent(UUID.randomUUID().toString(), device, sequence, kind, "the agent config changed",
                "j.smith", T0.plusSeconds(sequence));
    }

    @Test
    default void aResentTamperEventIsStoredOnceAndCountsForTheSequence() {
        device("dev-1", "LAPTOP-01");
        TamperEvent e = event("dev-1", 7, "config_changed");
        assertTrue(tamperEvents().storeOnce(e, T0));
        assertFalse(tamperEvents().storeOnce(e, T0));
        assertEquals(7, new JdbcDeviceRepository(dataSource()).highestStoredSequence("dev-1"));
        var stored = tamperEvents().recent(everySchool(), 10);
        assertEquals(1, stored.size());
        assertEquals("config_changed", stored.getFirst().kind());
        assertEquals("LAPTOP-01", stored.getFirst().hostname());
    }

    @Test
    default void eachSchoolSeesOnlyItsOwnDevicesTamperEventsNewestFirst() {
        device("oak-1", "OAK-01", "Oak Primary");
        device("elm-1", "ELM-01", "Elm Academy");
        tamperEvents().storeOnce(event("oak-1", 1, "helper_stopped"), T0);
        tamperEvents().storeOnce(event("oak-1", 2, "dns_changed"), T0);
        tamperEvents().storeOnce(event("elm-1", 1, "helper_stopped"), T0);
        Scope oak = new Scope(Set.of(school("Oak Primary")));
        var oakEvents = tamperEvents().recent(oak, 10);
        assertEquals(2, oakEvents.size());
        assertEquals("dns_changed", oakEvents.getFirst().kind());
        assertEquals(Map.of("oak-1", 2), tamperEvents().countsSince(oak, T0));
        assertEquals(Map.of("oak-1", 1), tamperEvents().countsSince(oak, T0.plusSeconds(2)));
        assertEquals(0, tamperEvents().recent(Scope.nothing(), 10).size());
    }
}
