package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.FilterEventRecord;
import io.vigil.console.domain.FilterEventRepository;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcFilterEventRepository;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What {@link FilterEventRepository} promises, whatever database is behind it. */
public interface FilterEventRepositoryContract extends StoreContract {

    default FilterEventRepository filterEvents() {
        return new JdbcFilterEventRepository(dataSource());
    }

    private static FilterEventRecord event(long sequence) {
        return new FilterEventRecord(UUID.randomUUID().toString(), "dev-1", sequence, "proxy.example", "blocked",
                "filter_evasion", "j.smith", "chrome", T0);
    }

    @Test
    default void aResentFilterEventIsStoredOnce() {
        device("dev-1", "LAPTOP-01");
        FilterEventRecord e = event(3);
        assertTrue(filterEvents().storeOnce(e, T0));
        assertFalse(filterEvents().storeOnce(e, T0));
        assertEquals(3, new JdbcDeviceRepository(dataSource()).highestStoredSequence("dev-1"));
    }

    @Test
    default void concurrentResendsOfOneFilterEventStoreItOnce() throws Exception {
        device("dev-1", "LAPTOP-01");
        FilterEventRecord e = event(1);
        List<Boolean> stored = StoreContract.concurrently(8,
                () -> new JdbcFilterEventRepository(dataSource()).storeOnce(e, T0));
        assertEquals(1, stored.stream().filter(s -> s).count(), stored.toString());
    }
}
