package io.vigil.console.store.contract;

import static io.vigil.console.store.contract.StoreContract.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertRepository;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.StoredAlert;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.StoreException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What {@link AlertRepository} promises, whatever database is behind it. */
public interface AlertRepositoryContract extends StoreContract {

    default AlertRepository alerts() {
        return new JdbcAlertRepository(dataSource());
    }

    default AlertQuery query(String category, Integer minSeverity, AlertStatus status, int limit) {
        return AlertQuery.in(everySchool()).category(category).minSeverity(minSeverity).status(status).limit(limit)
                .build();
    }

    default AlertPage all() {
        return alerts().find(AlertQuery.in(everySchool()).limit(AlertQuery.MAX_LIMIT).build());
    }

    @Test
    default void storedAlertReadsBackWithEveryFieldAndItsDeviceHostname() {
        device("dev-1", "LAPTOP-01");
        // Microseconds: the precision both databases keep for timestamp with time zone.
        Instant occurred = Instant.parse("2026-11-20T10:15:30.123456Z");
        NewAlert sent = new NewAlert("3F2504E0-4F89-11D3-9A0C-0305E82C3301", "dev-1", 7, "self_harm", 5, 42,
                List.of("self_harm.12", "self_harm.40"), "i want to hurt myself \uD83D\uDE22 caf\u00e9 \u0175",
                "chrome", "Chat - Google Chrome", "https://example.org/chat", "j.smith", occurred, "keyboard",
                "sha256:abc");
        assertTrue(alerts().storeOnce(sent, T0));

        StoredAlert stored = alerts().afterRowId(0, 10).getFirst();
        assertEquals(school("Oak Primary"), stored.schoolId(), "the alert carries its device's school");
        assertEquals("3f2504e0-4f89-11d3-9a0c-0305e82c3301", stored.uuid(), "uuid kept in lower case");
        assertEquals("dev-1", stored.deviceId());
        assertEquals("LAPTOP-01", stored.deviceHostname());
        assertEquals(7, stored.sequence());
        assertEquals("self_harm", stored.category());
        assertEquals(5, stored.severity());
        assertEquals(42, stored.score());
        assertEquals(List.of("self_harm.12", "self_harm.40"), stored.ruleIds());
        assertEquals(sent.snippet(), stored.snippet(), "emoji and Welsh letters survive");
        assertEquals("chrome", stored.app());
        assertEquals("Chat - Google Chrome", stored.windowTitle());
        assertEquals("https://example.org/chat", stored.url());
        assertEquals("j.smith", stored.user());
        assertEquals(occurred, stored.occurredAt());
        assertEquals(T0, stored.receivedAt());
        assertEquals("keyboard", stored.source());
        assertEquals("sha256:abc", stored.listVersion());
        assertEquals(AlertStatus.NEW, stored.status(), "a new alert waits in the inbox");
    }

    @Test
    default void resentAlertIsStoredOnce() {
        device("dev-1", "LAPTOP-01");
        NewAlert a = alert("dev-1", 1, "bullying", 3, T0);
        assertTrue(alerts().storeOnce(a, T0));
        assertFalse(alerts().storeOnce(a, T0.plusSeconds(5)));
        NewAlert sameUuidUpperCase = new NewAlert(a.uuid().toUpperCase(Locale.ROOT), a.deviceId(), a.sequence(),
                a.category(), a.severity(), a.score(), a.ruleIds(), a.snippet(), a.app(), a.windowTitle(), a.url(),
                a.user(), a.occurredAt(), a.source(), a.listVersion());
        assertFalse(alerts().storeOnce(sameUuidUpperCase, T0), "uuids compare without case");
        assertEquals(1, all().total());
    }

    @Test
    default void aBatchStoresEachNewAlertOnceAndReportsDuplicatesInOrder() {
        device("dev-1", "LAPTOP-01");
        NewAlert old = alert("dev-1", 1, "bullying", 3, T0);
        NewAlert fresh = alert("dev-1", 2, "bullying", 3, T0);
        NewAlert other = alert("dev-1", 3, "self_harm", 5, T0);
        assertTrue(alerts().storeOnce(old, T0));
        assertEquals(List.of(false, true, false, true), alerts().storeAll(List.of(old, fresh, fresh, other), T0),
                "already stored, new, resent within the batch, new");
        assertEquals(3, all().total());
    }

    @Test
    default void concurrentBatchesOverlappingEachOtherStoreEveryAlertExactlyOnce() throws Exception {
        device("dev-1", "LAPTOP-01");
        List<NewAlert> sent = LongStream.rangeClosed(1, 60).mapToObj(s -> alert("dev-1", s, "bullying", 2, T0))
                .toList();
        // Two console nodes receive the same resends: the unique key decides, and the loser falls back.
        List<Boolean> done = StoreContract.concurrently(4,
                () -> new JdbcAlertRepository(dataSource()).storeAll(sent, T0).size() == sent.size());
        assertTrue(done.stream().allMatch(d -> d));
        assertEquals(60, all().total());
    }

    @Test
    default void concurrentResendsOfOneAlertStoreExactlyOneRow() throws Exception {
        device("dev-1", "LAPTOP-01");
        NewAlert a = alert("dev-1", 1, "grooming", 4, T0);
        // A repository per task, as on separate console nodes: nothing in the JVM serialises them.
        List<Boolean> stored = StoreContract.concurrently(8,
                () -> new JdbcAlertRepository(dataSource()).storeOnce(a, T0));
        assertEquals(1, stored.stream().filter(s -> s).count(), "exactly one resend stored it: " + stored);
        assertEquals(1, all().total());
    }

    @Test
    default void concurrentDistinctAlertsAreAllStored() throws Exception {
        device("dev-1", "LAPTOP-01");
        List<NewAlert> sent = LongStream.rangeClosed(1, 40).mapToObj(s -> alert("dev-1", s, "bullying", 2, T0))
                .toList();
        var next = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> storedPerTask = StoreContract.concurrently(4, () -> {
            AlertRepository mine = new JdbcAlertRepository(dataSource());
            int count = 0;
            for (int i; (i = next.getAndIncrement()) < sent.size(); ) {
                count += mine.storeOnce(sent.get(i), T0) ? 1 : 0;
            }
            return count;
        });
        assertEquals(40, storedPerTask.stream().mapToInt(Integer::intValue).sum());
        assertEquals(40, all().total());
    }

    @Test
    default void afterRowIdFollowsArrivalOrderAndStopsAtMax() {
        device("dev-1", "LAPTOP-01");
        List<String> uuids = new ArrayList<>();
        for (long s = 1; s <= 5; s++) {
            NewAlert a = alert("dev-1", s, "bullying", (int) (6 - s), T0.plusSeconds(s));
            alerts().storeOnce(a, T0);
            uuids.add(a.uuid());
        }
        List<StoredAlert> firstThree = alerts().afterRowId(0, 3);
        assertEquals(uuids.subList(0, 3), firstThree.stream().map(StoredAlert::uuid).toList());
        List<StoredAlert> rest = alerts().afterRowId(firstThree.getLast().rowId(), 100);
        assertEquals(uuids.subList(3, 5), rest.stream().map(StoredAlert::uuid).toList());
        assertTrue(alerts().afterRowId(rest.getLast().rowId(), 100).isEmpty());
    }

    @Test
    default void anEmptyStoreHasNoAlertsAtAll() {
        assertTrue(alerts().afterRowId(0, 10).isEmpty());
        school("Oak Primary");
        assertEquals(0, all().total());
        assertTrue(all().alerts().isEmpty());
    }

    @Test
    default void byRowIdsReturnsThoseThatExistAcrossManyIds() {
        device("dev-1", "LAPTOP-01");
        for (long s = 1; s <= 3; s++) {
            alerts().storeOnce(alert("dev-1", s, "bullying", 2, T0), T0);
        }
        List<Long> existing = alerts().afterRowId(0, 10).stream().map(StoredAlert::rowId).toList();
        List<Long> asked = new ArrayList<>(existing);
        // More ids than one statement takes (500), most of them missing.
        LongStream.range(1_000_000, 1_001_200).forEach(asked::add);
        var found = alerts().byRowIds(asked);
        assertEquals(java.util.Set.copyOf(existing), found.keySet());
        assertTrue(alerts().byRowIds(List.of()).isEmpty());
    }

    @Test
    default void findIsMostUrgentFirstThenNewestThenLatestArrival() {
        device("dev-1", "LAPTOP-01");
        NewAlert low = alert("dev-1", 1, "bullying", 2, T0.plusSeconds(100));
        NewAlert urgentOld = alert("dev-1", 2, "self_harm", 5, T0);
        NewAlert urgentNew = alert("dev-1", 3, "self_harm", 5, T0.plusSeconds(50));
        NewAlert urgentNewSecond = alert("dev-1", 4, "self_harm", 5, T0.plusSeconds(50));
        for (NewAlert a : List.of(low, urgentOld, urgentNew, urgentNewSecond)) {
            alerts().storeOnce(a, T0);
        }
        List<String> order = all().alerts().stream().map(StoredAlert::uuid).toList();
        assertEquals(List.of(urgentNewSecond.uuid(), urgentNew.uuid(), urgentOld.uuid(), low.uuid()), order);
    }

    @Test
    default void findFiltersByCategorySeverityAndStatusAndCountsBeyondThePage() {
        device("dev-1", "LAPTOP-01");
        for (long s = 1; s <= 6; s++) {
            alerts().storeOnce(alert("dev-1", s, s % 2 == 0 ? "bullying" : "self_harm", (int) (s % 5) + 1,
                    T0.plusSeconds(s)), T0);
        }
        AlertPage bullying = alerts().find(query("bullying", null, null, 2));
        assertEquals(3, bullying.total(), "total counts every match");
        assertEquals(2, bullying.alerts().size(), "the page stops at the limit");
        assertTrue(bullying.alerts().stream().allMatch(a -> a.category().equals("bullying")));

        AlertPage severe = alerts().find(query(null, 4, null, 50));
        assertTrue(severe.alerts().stream().allMatch(a -> a.severity() >= 4), severe.toString());
        assertEquals(2, severe.total()); // sequences 3 (severity 4) and 4 (severity 5)

        assertEquals(6, alerts().find(query(null, null, AlertStatus.NEW, 50)).total());
        assertEquals(0, alerts().find(query(null, null, AlertStatus.CLOSED, 50)).total());
        assertEquals(0, alerts().find(query("no_such_category", null, null, 50)).total());
    }

    @Test
    default void overlongFieldsAreCutToTheirColumnsNotRefused() {
        device("dev-1", "LAPTOP-01");
        NewAlert a = alert("dev-1", 1, "bullying", 2, T0);
        NewAlert huge = new NewAlert(a.uuid(), a.deviceId(), 1, a.category(), 2, 1, a.ruleIds(), "x".repeat(5000),
                "a".repeat(500), "w".repeat(5000), "u".repeat(9000), "n".repeat(500), T0, a.source(),
                a.listVersion());
        assertTrue(alerts().storeOnce(huge, T0));
        StoredAlert stored = alerts().afterRowId(0, 1).getFirst();
        assertEquals(500, stored.snippet().length());
        assertEquals(1000, stored.windowTitle().length());
        assertEquals(2000, stored.url().length());
    }

    @Test
    default void alertFromAnUnknownDeviceIsRefused() {
        assertThrows(StoreException.class, () -> alerts().storeOnce(alert("no-such-device", 1, "bullying", 2, T0), T0));
        assertTrue(alerts().afterRowId(0, 10).isEmpty());
    }

    @Test
    default void occurredTimesKeepMicroseconds() {
        device("dev-1", "LAPTOP-01");
        Instant first = T0.plus(1, ChronoUnit.MICROS);
        Instant second = T0.plus(2, ChronoUnit.MICROS);
        alerts().storeOnce(alert("dev-1", 1, "bullying", 3, first), T0);
        alerts().storeOnce(alert("dev-1", 2, "bullying", 3, second), T0);
        List<Instant> times = all().alerts().stream().map(StoredAlert::occurredAt).toList();
        assertEquals(List.of(second, first), times, "newest first, a microsecond apart");
    }

    @Test
    default void pagesFollowOneAnotherWithoutGapsOrRepeatsAndKeepTheTotal() {
        device("dev-1", "LAPTOP-01");
        List<String> paged = new ArrayList<>();
        for (long s = 1; s <= 23; s++) {
            // Several alerts share a severity and a time: the row id settles their order, so pages are stable.
            NewAlert a = alert("dev-1", s, "bullying", (int) (s % 3) + 1, T0.plusSeconds(s % 4));
            alerts().storeOnce(a, T0);
        }
        List<String> everything = all().alerts().stream().map(StoredAlert::uuid).toList();
        for (int offset = 0; offset < 23; offset += 5) {
            AlertPage page = alerts().find(AlertQuery.in(everySchool()).offset(offset).limit(5).build());
            assertEquals(23, page.total(), "the total is the same on every page");
            page.alerts().forEach(a -> paged.add(a.uuid()));
        }
        assertEquals(everything, paged, "pages of 5 read in a row give the whole list, in order");
        AlertPage past = alerts().find(AlertQuery.in(everySchool()).offset(40).limit(5).build());
        assertEquals(23, past.total());
        assertTrue(past.alerts().isEmpty(), "a page past the end is empty, not an error");
    }

    @Test
    default void aScopeSeesOnlyItsOwnSchoolsAlerts() {
        device("oak-1", "OAK-LAPTOP", "Oak Primary");
        device("elm-1", "ELM-LAPTOP", "Elm Academy");
        alerts().storeOnce(alert("oak-1", 1, "self_harm", 5, T0), T0);
        alerts().storeOnce(alert("elm-1", 1, "self_harm", 5, T0), T0);
        alerts().storeOnce(alert("elm-1", 2, "bullying", 2, T0), T0);
        long oak = school("Oak Primary");
        long elm = school("Elm Academy");

        AlertPage oakOnly = alerts().find(AlertQuery.all(Scope.of(oak)));
        assertEquals(1, oakOnly.total());
        assertTrue(oakOnly.alerts().stream().allMatch(a -> a.schoolId() == oak && a.deviceId().equals("oak-1")));
        assertEquals(2, alerts().find(AlertQuery.all(Scope.of(elm))).total());
        assertEquals(3, alerts().find(AlertQuery.all(Scope.of(oak, elm))).total(), "a trust-wide reader");
        assertEquals(0, alerts().find(AlertQuery.all(Scope.of(oak + elm + 100))).total(), "an unknown school");
    }

    @Test
    default void anEmptyScopeSeesNothing() {
        device("dev-1", "LAPTOP-01");
        alerts().storeOnce(alert("dev-1", 1, "self_harm", 5, T0), T0);
        AlertPage page = alerts().find(AlertQuery.all(Scope.nothing()));
        assertEquals(0, page.total(), "deny by default");
        assertTrue(page.alerts().isEmpty());
    }

    @Test
    default void findFiltersByUserDeviceAndTimeRange() {
        device("dev-1", "LAPTOP-01");
        device("dev-2", "LAPTOP-02");
        NewAlert early = alert("dev-1", 1, "bullying", 3, T0);
        NewAlert late = alert("dev-1", 2, "bullying", 3, T0.plusSeconds(3600));
        NewAlert otherDevice = alert("dev-2", 1, "bullying", 3, T0.plusSeconds(60));
        NewAlert otherUser = new NewAlert(java.util.UUID.randomUUID().toString(), "dev-2", 2, "bullying", 3, 1,
                List.of("bullying.1"), "x", "chrome", "w", "", "a.pupil", T0.plusSeconds(60), "keyboard", "v");
        for (NewAlert a : List.of(early, late, otherDevice, otherUser)) {
            alerts().storeOnce(a, T0);
        }
        var in = AlertQuery.in(everySchool());
        assertEquals(List.of(otherUser.uuid()), uuids(alerts().find(in.user("a.pupil").build())));
        assertEquals(List.of(late.uuid(), early.uuid()),
                uuids(alerts().find(AlertQuery.in(everySchool()).device("dev-1").build())));
        assertEquals(List.of(early.uuid()), uuids(alerts().find(AlertQuery.in(everySchool()).device("dev-1")
                .to(T0.plusSeconds(1)).build())), "'to' excludes its own instant and later");
        assertEquals(List.of(late.uuid()), uuids(alerts().find(AlertQuery.in(everySchool())
                .from(T0.plusSeconds(3600)).build())), "'from' includes its own instant");
    }

    private static List<String> uuids(AlertPage page) {
        return page.alerts().stream().map(StoredAlert::uuid).toList();
    }
}
