package io.vigil.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertSearch;
import io.vigil.console.domain.Device;
import io.vigil.console.domain.DeviceFacts;
import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.search.AlertIndexer;
import io.vigil.console.search.LuceneAlertIndex;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 files and the Lucene index in a data directory, across restarts, deletion and corruption. */
class PersistenceAndReindexIT {

    @TempDir
    Path dataDir;

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private void seed(Database db) {
        var devices = new JdbcDeviceRepository(db.dataSource());
        devices.create(new Device("dev-1", "School", new DeviceFacts("LAPTOP-01", "Linux", "6", "", "1"), "",
                T0, null), "0".repeat(64));
        var alerts = new JdbcAlertRepository(db.dataSource());
        alerts.storeOnce(alert(1, "self_harm", 5, "i just want to kill myself tonight", T0), T0);
        alerts.storeOnce(alert(2, "bullying", 3, "everyone hates you, kill yourself", T0.plusSeconds(60)), T0);
        alerts.storeOnce(alert(3, "filter_evasion", 4, "how to get around the school filter with a vpn",
                T0.plusSeconds(120)), T0);
    }

    private static NewAlert alert(long seq, String category, int severity, String snippet, Instant at) {
        return new NewAlert(UUID.randomUUID().toString(), "dev-1", seq, category, severity, 10, List.of(category + ".1"),
                snippet, "chrome", "Chat - Google Chrome", "https://example.org/chat", "j.smith", at, "keyboard",
                "sha256:x");
    }

    private static List<Long> search(LuceneAlertIndex index, String text) {
        return index.search(text, Optional.empty(), Optional.empty(), 100);
    }

    @Test
    void alertsSurviveARestartOfTheDatabase() {
        try (Database db = Database.open(dataDir)) {
            seed(db);
        }
        try (Database db = Database.open(dataDir)) {
            var page = new JdbcAlertRepository(db.dataSource()).find(AlertQuery.all());
            assertEquals(3, page.total());
            assertEquals(List.of(5, 4, 3), page.alerts().stream().map(a -> a.severity()).toList(),
                    "most severe first");
            assertEquals("LAPTOP-01", page.alerts().getFirst().deviceHostname());
        }
    }

    @Test
    void deletedIndexIsRebuiltFromTheDatabaseOnStart() throws Exception {
        try (Database db = Database.open(dataDir)) {
            seed(db);
            var alerts = new JdbcAlertRepository(db.dataSource());
            try (var index = LuceneAlertIndex.open(dataDir.resolve("index"));
                 var indexer = new AlertIndexer(alerts, index)) {
                assertEquals(3, indexer.catchUp());
                assertEquals(2, search(index, "kill").size());
            }
            deleteRecursively(dataDir.resolve("index"));
            try (var index = LuceneAlertIndex.open(dataDir.resolve("index"));
                 var indexer = new AlertIndexer(alerts, index)) {
                assertEquals(0, index.highWaterMark());
                assertEquals(3, indexer.catchUp(), "every row indexed again");
                assertEquals(alerts.maxRowId(), index.highWaterMark());
                assertEquals(2, search(index, "kill").size());
                assertEquals(0, indexer.catchUp(), "nothing left to do");
            }
        }
    }

    @Test
    void indexBehindTheDatabaseCatchesUpOnlyTheMissingRows() throws Exception {
        try (Database db = Database.open(dataDir)) {
            seed(db);
            var alerts = new JdbcAlertRepository(db.dataSource());
            try (var index = LuceneAlertIndex.open(dataDir.resolve("index"));
                 var indexer = new AlertIndexer(alerts, index)) {
                indexer.catchUp();
            }
            alerts.storeOnce(alert(4, "grooming", 4, "dont tell anyone we talk ok its our secret", T0), T0);
            try (var index = LuceneAlertIndex.open(dataDir.resolve("index"));
                 var indexer = new AlertIndexer(alerts, index)) {
                assertEquals(1, indexer.catchUp());
                assertEquals(1, search(index, "secret").size());
            }
        }
    }

    @Test
    void corruptIndexFilesAreReplacedAndRebuilt() throws Exception {
        try (Database db = Database.open(dataDir)) {
            seed(db);
            var alerts = new JdbcAlertRepository(db.dataSource());
            Path indexDir = dataDir.resolve("index");
            try (var index = LuceneAlertIndex.open(indexDir); var indexer = new AlertIndexer(alerts, index)) {
                indexer.catchUp();
            }
            try (Stream<Path> files = Files.list(indexDir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                    Files.write(file, "not a lucene file".getBytes());
                }
            }
            try (var index = LuceneAlertIndex.open(indexDir); var indexer = new AlertIndexer(alerts, index)) {
                assertEquals(3, indexer.catchUp());
                assertEquals(1, search(index, "vpn").size());
            }
        }
    }

    @Test
    void textSearchIsOrderedBySeverityThenRecencyAndFiltersByCategoryAndSeverity() throws Exception {
        try (Database db = Database.open(dataDir)) {
            seed(db);
            var alerts = new JdbcAlertRepository(db.dataSource());
            try (var index = LuceneAlertIndex.open(dataDir.resolve("index"));
                 var indexer = new AlertIndexer(alerts, index)) {
                indexer.catchUp();
                var search = new AlertSearch(alerts, index);
                var all = search.find(query("j.smith", null, null));
                assertEquals(List.of(5, 4, 3), all.alerts().stream().map(a -> a.severity()).toList());
                assertEquals(1, search.find(query("kill", "bullying", null)).total());
                assertEquals(1, search.find(query("kill", null, 4)).total());
                assertEquals(2, search.find(query("killing", null, null)).total(), "English stemming");
                assertEquals(3, search.find(query("laptop-01", null, null)).total(), "device hostname");
                assertThrows(InvalidQueryException.class, () -> search.find(query("kill AND", null, null)));
                assertFalse(search.find(query("vpn", null, null)).alerts().isEmpty());
                assertTrue(search.find(query("nothing-matches-this", null, null)).alerts().isEmpty());
            }
        }
    }

    private static AlertQuery query(String text, String category, Integer minSeverity) {
        return new AlertQuery(Optional.of(text), Optional.ofNullable(category), Optional.ofNullable(minSeverity),
                Optional.empty(), 50);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
