package io.vigil.console.store.contract;

import static io.vigil.console.store.contract.StoreContract.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.IndexOutbox;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.StoredAlert;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcIndexOutbox;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What {@link IndexOutbox} promises: every node that registered gets every alert stored after, once. */
public interface IndexOutboxContract extends StoreContract {

    default IndexOutbox outbox() {
        return new JdbcIndexOutbox(dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    private List<String> pendingUuids(String node) {
        return outbox().pending(node, 1000).stream().map(StoredAlert::uuid).toList();
    }

    @Test
    default void aNodeIsNewOnlyTheFirstTimeItRegisters() {
        assertTrue(outbox().register("node-a"));
        assertFalse(outbox().register("node-a"));
        assertTrue(outbox().register("node-b"));
    }

    @Test
    default void aNodeNotSeenForTwoWeeksIsForgottenWithItsOutboxWhenAnotherRegisters() {
        device("dev-1", "LAPTOP-01");
        outbox().register("node-gone");
        outbox().register("node-alive");
        new JdbcAlertRepository(dataSource()).storeOnce(alert("dev-1", 1, "bullying", 2, T0), T0);
        var later = T0.plus(IndexOutbox.NODE_EXPIRY).plusSeconds(60);
        new JdbcIndexOutbox(dataSource(), Clock.fixed(later.minusSeconds(120), ZoneOffset.UTC)).stillAlive("node-alive");
        assertTrue(new JdbcIndexOutbox(dataSource(), Clock.fixed(later, ZoneOffset.UTC)).register("node-new"));
        assertEquals(0, outbox().pendingCount("node-gone"), "its outbox went with it");
        assertEquals(1, outbox().pendingCount("node-alive"));
        assertTrue(outbox().register("node-gone"), "it is new again if it ever comes back");
    }

    @Test
    default void everyRegisteredNodeGetsEveryAlertStoredAfterwardsOnceOldestFirst() {
        device("dev-1", "LAPTOP-01");
        NewAlert before = alert("dev-1", 1, "bullying", 2, T0);
        new JdbcAlertRepository(dataSource()).storeOnce(before, T0);
        outbox().register("node-a");
        outbox().register("node-b");
        NewAlert first = alert("dev-1", 2, "bullying", 2, T0);
        NewAlert second = alert("dev-1", 3, "self_harm", 5, T0);
        new JdbcAlertRepository(dataSource()).storeOnce(first, T0);
        new JdbcAlertRepository(dataSource()).storeOnce(second, T0);
        new JdbcAlertRepository(dataSource()).storeOnce(first, T0);

        for (String node : List.of("node-a", "node-b")) {
            assertEquals(List.of(first.uuid(), second.uuid()), pendingUuids(node),
                    "stored after registration, each once (a resend adds nothing), in arrival order");
            assertEquals(2, outbox().pendingCount(node));
        }
    }

    @Test
    default void doneRemovesOnlyThatNodesEntries() {
        device("dev-1", "LAPTOP-01");
        outbox().register("node-a");
        outbox().register("node-b");
        LongStream.rangeClosed(1, 3).forEach(s ->
                new JdbcAlertRepository(dataSource()).storeOnce(alert("dev-1", s, "bullying", 2, T0), T0));
        List<StoredAlert> pending = outbox().pending("node-a", 2);
        assertEquals(2, pending.size(), "at most max");
        outbox().done("node-a", pending.stream().map(StoredAlert::rowId).toList());
        assertEquals(1, outbox().pendingCount("node-a"));
        assertEquals(3, outbox().pendingCount("node-b"), "another node's outbox is untouched");
    }

    @Test
    default void alertsStoredConcurrentlyByTwoNodesReachBothOutboxes() throws Exception {
        device("dev-1", "LAPTOP-01");
        device("dev-2", "LAPTOP-02");
        outbox().register("node-a");
        outbox().register("node-b");
        var next = new java.util.concurrent.atomic.AtomicLong();
        StoreContract.concurrently(4, () -> {
            var repository = new JdbcAlertRepository(dataSource());
            for (long s; (s = next.incrementAndGet()) <= 60; ) {
                repository.storeOnce(alert(s % 2 == 0 ? "dev-1" : "dev-2", s, "bullying", 2, T0), T0);
            }
            return null;
        });
        assertEquals(60, outbox().pendingCount("node-a"));
        assertEquals(60, outbox().pendingCount("node-b"));
    }
}
