package io.vigil.console.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertSearch;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.Device;
import io.vigil.console.domain.DeviceFacts;
import io.vigil.console.domain.InvalidQueryException;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.School;
import io.vigil.console.domain.Scope;
import io.vigil.console.search.AlertIndexer;
import io.vigil.console.search.LuceneAlertIndex;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcIndexOutbox;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
    private static final CategoryCatalog CATEGORIES = new CategoryCatalog(List.of(
            new CategoryCatalog.Category("self_harm", "Self-harm"),
            new CategoryCatalog.Category("suicide", "Suicide"),
            new CategoryCatalog.Category("bullying", "Bullying")));

    private School oak;
    private School elm;

    /** Three alerts at Oak (device dev-1), one at Elm (device dev-2). */
    private void seed(Database db) {
        var schools = new JdbcSchoolRepository(db.dataSource());
        oak = schools.createSchool("Oak Primary", Optional.empty(), T0);
        elm = schools.createSchool("Elm Academy", Optional.empty(), T0);
        var devices = new JdbcDeviceRepository(db.dataSource());
        devices.create(new Device("dev-1", oak.id(), oak.name(), new DeviceFacts("LAPTOP-01", "Linux", "6", "", "1"),
                "", T0, null), "0".repeat(64));
        devices.create(new Device("dev-2", elm.id(), elm.name(), new DeviceFacts("ELM-LAPTOP", "Linux", "6", "", "1"),
                "", T0, null), "0".repeat(64));
        var alerts = new JdbcAlertRepository(db.dataSource());
        alerts.storeOnce(alert("dev-1", 1, "self_harm", 5, "i just want to kill myself tonight", T0), T0);
        alerts.storeOnce(alert("dev-1", 2, "bullying", 3, "everyone hates you, kill yourself", T0.plusSeconds(60)), T0);
        alerts.storeOnce(alert("dev-1", 3, "filter_evasion", 4, "how to get around the school filter with a vpn",
                T0.plusSeconds(120)), T0);
        alerts.storeOnce(alert("dev-2", 1, "suicide", 5, "elm pupil wants to kill themselves", T0), T0);
    }

    private static NewAlert alert(String device, long seq, String category, int severity, String snippet, Instant at) {
        return new NewAlert(UUID.randomUUID().toString(), device, seq, category, severity, 10, List.of(category + ".1"),
                snippet, "chrome", "Chat - Google Chrome", "https://example.org/chat",
                device.equals("dev-1") ? "j.smith" : "demo.pupil", at, "keyboard", "sha256:x");
    }

    private AlertQuery text(String text) {
        return AlertQuery.in(Scope.of(oak.id(), elm.id())).text(text).build();
    }

    private static LuceneAlertIndex openIndex(Path dir) {
        return LuceneAlertIndex.open(dir, CATEGORIES);
    }

    private static AlertIndexer indexer(Database db, LuceneAlertIndex index) {
        var indexer = new AlertIndexer(new JdbcAlertRepository(db.dataSource()),
                new JdbcIndexOutbox(db.dataSource(), Clock.systemUTC()), index);
        return indexer;
    }

    @Test
    void alertsSurviveARestartOfTheDatabaseAndStayInTheirSchool() {
        try (Database db = Database.open(dataDir)) {
            seed(db);
        }
        try (Database db = Database.open(dataDir)) {
            var repo = new JdbcAlertRepository(db.dataSource());
            var page = repo.find(AlertQuery.all(Scope.of(oak.id())));
            assertEquals(3, page.total());
            assertEquals(List.of(5, 4, 3), page.alerts().stream().map(a -> a.severity()).toList(),
                    "most severe first");
            assertEquals("LAPTOP-01", page.alerts().getFirst().deviceHostname());
            assertTrue(page.alerts().stream().allMatch(a -> a.schoolId() == oak.id()));
            assertEquals(1, repo.find(AlertQuery.all(Scope.of(elm.id()))).total());
            assertEquals(4, repo.find(AlertQuery.all(Scope.of(oak.id(), elm.id()))).total(), "a trust-wide reader");
            assertEquals(0, new AlertSearch(repo, null).find(AlertQuery.all(Scope.nothing())).total(),
                    "an empty scope sees nothing");
        }
    }

    @Test
    void theDatabasePagesFiltersAndCountsExactly() {
        try (Database db = Database.open(dataDir)) {
            seed(db);
            var repo = new JdbcAlertRepository(db.dataSource());
            Scope scope = Scope.of(oak.id());
            var second = repo.find(AlertQuery.in(scope).offset(1).limit(1).build());
            assertEquals(3, second.total(), "the total counts every match, not the page");
            assertEquals(List.of(4), second.alerts().stream().map(a -> a.severity()).toList());
            assertTrue(repo.find(AlertQuery.in(scope).offset(3).build()).alerts().isEmpty(), "past the end");
            assertEquals(3, repo.find(AlertQuery.in(scope).status(AlertStatus.NEW).build()).total());
            assertEquals(0, repo.find(AlertQuery.in(scope).status(AlertStatus.CLOSED).build()).total());
            assertEquals(1, repo.find(AlertQuery.in(scope).category("bullying").build()).total());
            assertEquals(2, repo.find(AlertQuery.in(scope).minSeverity(4).build()).total());
            assertEquals(3, repo.find(AlertQuery.in(scope).user("j.smith").build()).total());
            assertEquals(0, repo.find(AlertQuery.in(scope).device("dev-2").build()).total(), "Elm's device, Oak scope");
            assertEquals(2, repo.find(AlertQuery.in(scope).from(T0.plusSeconds(60)).build()).total());
            assertEquals(1, repo.find(AlertQuery.in(scope).to(T0.plusSeconds(60)).build()).total());
        }
    }

    @Test
    void deletedIndexIsRebuiltFromTheDatabaseOnStart() throws Exception {
        try (Database db = Database.open(dataDir)) {
            seed(db);
            String firstNode;
            try (var index = openIndex(dataDir.resolve("index")); var indexer = indexer(db, index)) {
                indexer.prepare();
                firstNode = indexer.nodeId();
                assertEquals(4, indexer.catchUp());
                assertEquals(3, index.search(text("kill")).total());
            }
            deleteRecursively(dataDir.resolve("index"));
            try (var index = openIndex(dataDir.resolve("index")); var indexer = indexer(db, index)) {
                indexer.prepare();
                assertNotEquals(firstNode, indexer.nodeId(), "a new index is a new node");
                assertEquals(4, indexer.catchUp(), "every row indexed again");
                assertEquals(3, index.search(text("kill")).total());
                assertEquals(0, indexer.catchUp(), "nothing left to do");
                assertEquals(0, indexer.notYetSearchable());
            }
        }
    }

    @Test
    void aRestartedNodeIndexesOnlyWhatWaitsInItsOutbox() throws Exception {
        try (Database db = Database.open(dataDir)) {
            seed(db);
            var alerts = new JdbcAlertRepository(db.dataSource());
            try (var index = openIndex(dataDir.resolve("index")); var indexer = indexer(db, index)) {
                indexer.prepare();
                indexer.catchUp();
            }
            // Stored while the node was down: its outbox entry waits for it.
            alerts.storeOnce(alert("dev-1", 4, "grooming", 4, "dont tell anyone we talk ok its our secret", T0), T0);
            try (var index = openIndex(dataDir.resolve("index")); var indexer = indexer(db, index)) {
                indexer.prepare();
                assertEquals(1, indexer.catchUp(), "only the alert stored while it was down");
                assertEquals(1, index.search(text("secret")).total());
            }
        }
    }

    @Test
    void corruptIndexFilesAreReplacedAndRebuilt() throws Exception {
        try (Database db = Database.open(dataDir)) {
            seed(db);
            Path indexDir = dataDir.resolve("index");
            try (var index = openIndex(indexDir); var indexer = indexer(db, index)) {
                indexer.prepare();
                indexer.catchUp();
            }
            try (Stream<Path> files = Files.list(indexDir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                    Files.write(file, "not a lucene file".getBytes());
                }
            }
            try (var index = openIndex(indexDir); var indexer = indexer(db, index)) {
                indexer.prepare();
                assertEquals(4, indexer.catchUp());
                assertEquals(1, index.search(text("vpn")).total());
            }
        }
    }

    @Test
    void textSearchFiltersScopesPagesAndFindsCategoryNamesAndPartialNames() throws Exception {
        try (Database db = Database.open(dataDir)) {
            seed(db);
            var alerts = new JdbcAlertRepository(db.dataSource());
            try (var index = openIndex(dataDir.resolve("index")); var indexer = indexer(db, index)) {
                indexer.prepare();
                indexer.catchUp();
                var search = new AlertSearch(alerts, indexer);
                Scope oakOnly = Scope.of(oak.id());
                var all = search.find(AlertQuery.in(oakOnly).text("j.smith").build());
                assertEquals(List.of(5, 4, 3), all.alerts().stream().map(a -> a.severity()).toList());
                assertEquals(2, search.find(AlertQuery.in(oakOnly).text("kill").build()).total(),
                        "Elm's 'kill' alert is outside Oak's scope");
                assertEquals(3, search.find(text("kill")).total(), "a trust-wide reader sees both schools");
                var page2 = search.find(AlertQuery.in(oakOnly).text("j.smith").offset(1).limit(1).build());
                assertEquals(3, page2.total());
                assertEquals(List.of(4), page2.alerts().stream().map(a -> a.severity()).toList());
                assertEquals(1, search.find(AlertQuery.in(oakOnly).text("kill").category("bullying").build()).total());
                assertEquals(1, search.find(AlertQuery.in(oakOnly).text("kill").minSeverity(4).build()).total());
                assertEquals(0, search.find(AlertQuery.in(oakOnly).text("kill").status(AlertStatus.CLOSED).build())
                        .total());
                assertEquals(2, search.find(AlertQuery.in(oakOnly).text("killing").build()).total(), "stemming");
                assertEquals(3, search.find(AlertQuery.in(oakOnly).text("laptop-01").build()).total(), "hostname");
                assertEquals(1, search.find(text("suicide")).total(), "a category name finds its alerts");
                assertEquals(1, search.find(text("self-harm")).total(), "as the DSL reads it");
                assertEquals(1, search.find(text("pupil")).total(), "'pupil' finds demo.pupil");
                assertEquals(3, search.find(text("smi")).total(), "a partial username");
                assertEquals(1, search.find(text("elm-lap")).total(), "a partial device name");
                assertThrows(InvalidQueryException.class, () -> search.find(text("kill AND")));
                var trustInbox = search.find(AlertQuery.in(Scope.of(oak.id(), elm.id())).limit(3).build());
                assertEquals(4, trustInbox.total(), "a trust-wide inbox without text, answered by the index");
                assertEquals(List.of(5, 5, 4), trustInbox.alerts().stream().map(a -> a.severity()).toList());
                assertEquals(1, search.find(AlertQuery.in(Scope.of(oak.id(), elm.id())).offset(3).build())
                        .alerts().size(), "paged across schools");
                assertFalse(search.find(text("vpn")).alerts().isEmpty());
                assertTrue(search.find(text("nothing-matches-this")).alerts().isEmpty());
            }
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
