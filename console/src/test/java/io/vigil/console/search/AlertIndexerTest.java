package io.vigil.console.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertRepository;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.StoredAlert;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background indexer over a real Lucene index, fed by an in-memory store that can be made to fail. */
class AlertIndexerTest {

    @TempDir
    Path indexDir;

    /** Two stored alerts; the first {@code failures} reads throw, as a briefly unavailable database would. */
    private static final class FlakyAlerts implements AlertRepository {
        private final AtomicInteger failures;
        private final List<StoredAlert> rows = List.of(row(1, "first alert about a knife"), row(2, "second alert"));

        FlakyAlerts(int failures) {
            this.failures = new AtomicInteger(failures);
        }

        private static StoredAlert row(long id, String snippet) {
            Instant at = Instant.parse("2026-11-20T10:00:00Z");
            return new StoredAlert(id, "00000000-0000-0000-0000-00000000000" + id, "dev-1", "LAPTOP", id,
                    "violence", 4, 10, List.of("violence.1"), snippet, "chrome", "", "", "j.smith", at, at,
                    "keyboard", "v", AlertStatus.NEW);
        }

        @Override
        public List<StoredAlert> afterRowId(long rowId, int max) {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("database briefly unavailable");
            }
            return rows.stream().filter(r -> r.rowId() > rowId).limit(max).toList();
        }

        @Override
        public long maxRowId() {
            return 2;
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
        public AlertPage find(AlertQuery query) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aFailedCatchUpIsRetriedWithoutWaitingForAnotherAlert() throws Exception {
        try (var index = LuceneAlertIndex.open(indexDir);
             var indexer = new AlertIndexer(new FlakyAlerts(2), index, Duration.ofMillis(50))) {
            indexer.requestCatchUp();
            for (int i = 0; i < 100 && index.search("alert", Optional.empty(), Optional.empty(), 10).size() < 2; i++) {
                Thread.sleep(50);
            }
            assertEquals(2, index.search("alert", Optional.empty(), Optional.empty(), 10).size(),
                    "indexed after two failed attempts");
            assertEquals(2, index.highWaterMark());
        }
    }

    @Test
    void requestsAfterCloseAreIgnoredRatherThanThrown() throws Exception {
        try (var index = LuceneAlertIndex.open(indexDir)) {
            var indexer = new AlertIndexer(new FlakyAlerts(0), index, Duration.ofMillis(50));
            indexer.close();
            indexer.requestCatchUp();
            assertEquals(0, index.highWaterMark());
        }
    }
}
