package io.vigil.console.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertRepository;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.IndexOutbox;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.StoredAlert;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background indexer over a real Lucene index, fed by an in-memory store and outbox that can fail. */
class AlertIndexerTest {

    @TempDir
    Path indexDir;

    private static final CategoryCatalog CATEGORIES = new CategoryCatalog(List.of());

    private static StoredAlert row(long id, String snippet) {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        return new StoredAlert(id, "00000000-0000-0000-0000-00000000000" + id, "dev-1", "LAPTOP", 1, id,
                "violence", 4, 10, List.of("violence.1"), snippet, "chrome", "", "", "j.smith", at, at,
                "keyboard", "v", AlertStatus.NEW);
    }

    /** Stored alerts; the first {@code failures} reads throw, as a briefly unavailable database would. */
    private static final class FlakyStore implements AlertRepository, IndexOutbox {
        final AtomicInteger failures;
        final List<StoredAlert> rows = new ArrayList<>();
        final Set<String> nodes = ConcurrentHashMap.newKeySet();
        final Map<String, List<Long>> outbox = new ConcurrentHashMap<>();

        FlakyStore(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        synchronized void store(StoredAlert alert) {
            rows.add(alert);
            nodes.forEach(n -> outbox.computeIfAbsent(n, k -> new ArrayList<>()).add(alert.rowId()));
        }

        private void maybeFail() {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("database briefly unavailable");
            }
        }

        @Override
        public synchronized List<StoredAlert> afterRowId(long rowId, int max) {
            maybeFail();
            return rows.stream().filter(r -> r.rowId() > rowId).limit(max).toList();
        }

        @Override
        public boolean register(String nodeId) {
            return nodes.add(nodeId);
        }

        @Override
        public void stillAlive(String nodeId) {
        }

        @Override
        public synchronized List<StoredAlert> pending(String nodeId, int max) {
            maybeFail();
            List<Long> ids = outbox.getOrDefault(nodeId, List.of());
            return rows.stream().filter(r -> ids.contains(r.rowId())).limit(max).toList();
        }

        @Override
        public synchronized void done(String nodeId, Collection<Long> alertIds) {
            outbox.getOrDefault(nodeId, new ArrayList<>()).removeAll(alertIds);
        }

        @Override
        public synchronized long pendingCount(String nodeId) {
            return outbox.getOrDefault(nodeId, List.of()).size();
        }

        @Override
        public boolean storeOnce(NewAlert alert, Instant receivedAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<Long, StoredAlert> byRowIds(Collection<Long> rowIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.util.Set<Long> visible(Collection<Long> rowIds, io.vigil.console.domain.Scope scope) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AlertPage find(AlertQuery query) {
            throw new UnsupportedOperationException();
        }
    }

    private static long hits(LuceneAlertIndex index, String text) {
        return index.search(AlertQuery.in(Scope.of(1)).text(text).build()).total();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos(); // a hang guard; the condition ends it
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in 2 min");
            Thread.sleep(20);
        }
    }

    @Test
    void aFailedCatchUpIsRetriedByTheNextPollWithoutWaitingForAnotherAlert() throws Exception {
        var store = new FlakyStore(2);
        store.store(row(1, "first alert about a knife"));
        store.store(row(2, "second alert"));
        try (var index = LuceneAlertIndex.open(indexDir, CATEGORIES);
             var indexer = new AlertIndexer(store, store, index).start()) {
            // The backlog count drops when the outbox rows are marked done, just after the commit that makes
            // the documents searchable: wait for both, not one then the other.
            await(() -> hits(index, "alert") == 2 && indexer.notYetSearchable() == 0);
            assertEquals(0, indexer.notYetSearchable());
        }
    }

    @Test
    void alertsStoredAfterRegistrationArriveThroughTheOutbox() throws Exception {
        var store = new FlakyStore(0);
        store.store(row(1, "before the node existed"));
        try (var index = LuceneAlertIndex.open(indexDir, CATEGORIES);
             var indexer = new AlertIndexer(store, store, index).start()) {
            await(() -> hits(index, "existed") == 1);
            store.store(row(2, "stored later by another console node"));
            await(() -> hits(index, "node") == 1);
            await(() -> store.pendingCount(indexer.nodeId()) == 0);
        }
    }

    @Test
    void anInterruptedFullBuildResumesWhereItStopped() throws Exception {
        var store = new FlakyStore(0);
        for (long id = 1; id <= 1200; id++) {
            store.store(row(id, "alert number " + id));
        }
        String node;
        try (var index = LuceneAlertIndex.open(indexDir, CATEGORIES)) {
            var indexer = new AlertIndexer(store, store, index);
            indexer.prepare();
            node = indexer.nodeId();
            // The first batch goes in, then the store fails mid-build, as a crash would stop it.
            store.failures.set(0);
            index.addScanned(store.afterRowId(0, 500), 500);
            assertEquals(500, index.buildState().scanMark());
            assertTrue(indexer.notYetSearchable() > 0, "an unfinished build is reported");
        }
        try (var index = LuceneAlertIndex.open(indexDir, CATEGORIES)) {
            var indexer = new AlertIndexer(store, store, index);
            indexer.prepare();
            assertEquals(node, indexer.nodeId(), "the same node after a restart");
            assertEquals(700, indexer.catchUp(), "only the rows the first build did not reach");
            assertEquals(1200, hits(index, "alert"));
        }
    }

    @Test
    void anOutboxEntryWhoseClearingWasLostIsIndexedAgainAsTheSameDocument() throws Exception {
        // A crash between the index commit and clearing the outbox brings entries back whose alerts are already
        // in the index: indexing them again must replace the document, not add a second.
        var store = new FlakyStore(0);
        try (var index = LuceneAlertIndex.open(indexDir, CATEGORIES)) {
            store.store(row(1, "a message about a knife"));
            var indexer = new AlertIndexer(store, store, index);
            indexer.prepare();
            assertEquals(1, indexer.catchUp());
            store.outbox.computeIfAbsent(indexer.nodeId(), n -> new ArrayList<>()).add(1L);
            assertEquals(1, indexer.catchUp(), "the returned entry is indexed again");
            assertEquals(1, hits(index, "knife"));
            assertEquals(0, store.pendingCount(indexer.nodeId()));
        }
    }
}
