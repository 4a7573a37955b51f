package io.vigil.console.store.contract;

import static io.vigil.console.store.contract.StoreContract.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.Agency;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertStatus;
import io.vigil.console.domain.CaseChange;
import io.vigil.console.domain.CaseRecord;
import io.vigil.console.domain.CaseworkRepository;
import io.vigil.console.domain.IncidentRoute;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.NewIncident;
import io.vigil.console.domain.Outcome;
import io.vigil.console.domain.RulePrecision;
import io.vigil.console.domain.Scope;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcCaseworkRepository;
import io.vigil.console.store.jdbc.JdbcIndexOutbox;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link CaseworkRepository} promises, whatever database is behind it. */
public interface CaseworkRepositoryContract extends StoreContract {

    default CaseworkRepository cases() {
        return new JdbcCaseworkRepository(dataSource());
    }

    default NewAlert stored(String device, long seq, String category, int severity) {
        NewAlert a = alert(device, seq, category, severity, T0.plusSeconds(seq));
        assertTrue(new JdbcAlertRepository(dataSource()).storeOnce(a, T0));
        return a;
    }

    @Test
    default void aNewAlertHasAnEmptyCaseThatIsNew() {
        device("dev-1", "LAPTOP-01");
        NewAlert a = stored("dev-1", 1, "suicide", 5);
        CaseRecord c = cases().caseOf(a.uuid(), everySchool()).orElseThrow();
        assertEquals(AlertStatus.NEW, c.status());
        assertTrue(c.assignee().isEmpty() && c.outcome().isEmpty() && c.acknowledged().isEmpty());
        assertTrue(c.notes().isEmpty() && c.history().isEmpty() && !c.legalHold());
    }

    @Test
    default void everyChangeIsKeptAndWrittenToTheHistoryInOrder() {
        device("dev-1", "LAPTOP-01");
        NewAlert a = stored("dev-1", 1, "suicide", 5);
        Scope scope = everySchool();
        var c = cases();
        assertTrue(c.apply(a.uuid(), scope, new CaseChange.Acknowledge(), "mrs.khan", T0.plusSeconds(60)));
        assertTrue(c.apply(a.uuid(), scope, new CaseChange.Assign("mr.jones"), "mrs.khan", T0.plusSeconds(61)));
        assertTrue(c.apply(a.uuid(), scope, new CaseChange.MoveTo(AlertStatus.ESCALATED), "mrs.khan", T0.plusSeconds(62)));
        assertTrue(c.apply(a.uuid(), scope, new CaseChange.AddNote("Spoke to form tutor."), "mrs.khan", T0.plusSeconds(63)));
        assertTrue(c.apply(a.uuid(), scope, new CaseChange.AddNote("Called home, \u017Cona answered."), "mr.jones", T0.plusSeconds(64)));
        assertTrue(c.apply(a.uuid(), scope, new CaseChange.AddReferral(Agency.CYBER_CHOICES, LocalDate.of(2026, 11, 21),
                "CC-77"), "mr.jones", T0.plusSeconds(65)));
        assertTrue(c.apply(a.uuid(), scope, new CaseChange.ParentsNotInformed("police advised on 21/11"), "mr.jones",
                T0.plusSeconds(66)));
        assertTrue(c.apply(a.uuid(), scope, new CaseChange.RecordCpoms("CPOMS-123"), "mrs.khan", T0.plusSeconds(67)));
        assertTrue(c.apply(a.uuid(), scope, new CaseChange.Close(Outcome.REFERRED_POLICE), "mrs.khan", T0.plusSeconds(68)));
        assertTrue(c.apply(a.uuid(), scope, new CaseChange.LegalHold(true), "mrs.khan", T0.plusSeconds(69)));

        CaseRecord r = c.caseOf(a.uuid(), scope).orElseThrow();
        assertEquals(AlertStatus.CLOSED, r.status());
        assertEquals("mr.jones", r.assignee().orElseThrow());
        assertEquals(new CaseRecord.Acknowledgement("mrs.khan", T0.plusSeconds(60)), r.acknowledged().orElseThrow());
        assertEquals(Outcome.REFERRED_POLICE, r.outcome().orElseThrow());
        assertEquals("CPOMS-123", r.cpomsReference().orElseThrow());
        assertEquals("police advised on 21/11", r.parentsNotInformed().orElseThrow());
        assertTrue(r.legalHold());
        assertEquals(List.of(new CaseRecord.Note(T0.plusSeconds(63), "mrs.khan", "Spoke to form tutor."),
                new CaseRecord.Note(T0.plusSeconds(64), "mr.jones", "Called home, \u017Cona answered.")), r.notes());
        assertEquals(List.of(new CaseRecord.Referral(Agency.CYBER_CHOICES, LocalDate.of(2026, 11, 21), "CC-77",
                "mr.jones", T0.plusSeconds(65))), r.referrals());
        assertEquals(List.of("acknowledged", "assigned", "status", "note", "note", "referral", "parents_not_informed",
                "cpoms", "closed", "legal_hold"), r.history().stream().map(CaseRecord.Event::change).toList());
        assertEquals("assigned to mr.jones", r.history().get(1).detail());
        assertEquals(T0.plusSeconds(68), r.history().get(8).at());

        var inbox = new JdbcAlertRepository(dataSource()).find(AlertQuery.in(scope).status(AlertStatus.CLOSED).build());
        assertEquals(1, inbox.total(), "the inbox's status filter finds the closed case");
        assertEquals("mr.jones", inbox.alerts().getFirst().assignee());
    }

    @Test
    default void acknowledgingANewAlertPutsItInReview() {
        device("dev-1", "LAPTOP-01");
        NewAlert a = stored("dev-1", 1, "bullying", 3);
        cases().apply(a.uuid(), everySchool(), new CaseChange.Acknowledge(), "mrs.khan", T0);
        assertEquals(AlertStatus.IN_REVIEW, cases().caseOf(a.uuid(), everySchool()).orElseThrow().status());
    }

    @Test
    default void anotherSchoolsAlertIsNeitherReadNorChanged() {
        device("dev-1", "LAPTOP-01", "Oak Primary");
        device("dev-2", "LAPTOP-02", "Elm High");
        NewAlert oak = stored("dev-1", 1, "suicide", 5);
        Scope elm = Scope.of(school("Elm High"));
        assertTrue(cases().alert(oak.uuid(), elm).isEmpty());
        assertTrue(cases().caseOf(oak.uuid(), elm).isEmpty());
        assertFalse(cases().apply(oak.uuid(), elm, new CaseChange.AddNote("x"), "elm.dsl", T0));
        assertFalse(cases().apply(oak.uuid(), Scope.nothing(), new CaseChange.AddNote("x"), "elm.dsl", T0));
        assertTrue(cases().caseOf(oak.uuid(), everySchool()).orElseThrow().history().isEmpty());
    }

    @Test
    default void aChangeQueuesTheAlertForReindexingOnEveryNode() {
        device("dev-1", "LAPTOP-01");
        var outbox = new JdbcIndexOutbox(dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
        outbox.register("node-a");
        NewAlert a = stored("dev-1", 1, "suicide", 5);
        var pending = outbox.pending("node-a", 10);
        outbox.done("node-a", pending.stream().map(s -> s.rowId()).toList());
        assertEquals(0, outbox.pendingCount("node-a"));

        cases().apply(a.uuid(), everySchool(), new CaseChange.Assign("mrs.khan"), "mrs.khan", T0);
        cases().apply(a.uuid(), everySchool(), new CaseChange.MoveTo(AlertStatus.ESCALATED), "mrs.khan", T0);
        var again = outbox.pending("node-a", 10);
        assertEquals(1, again.size(), "queued once, however many changes");
        assertEquals(AlertStatus.ESCALATED, again.getFirst().status());
        assertEquals("mrs.khan", again.getFirst().assignee());
    }

    @Test
    default void aChangeWhileANodeIsIndexingTheAlertIsIndexedOnTheNextPass() {
        device("dev-1", "LAPTOP-01");
        var outbox = new JdbcIndexOutbox(dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
        outbox.register("node-a");
        NewAlert a = stored("dev-1", 1, "suicide", 5);
        var read = outbox.pending("node-a", 10);             // the node reads the alert as new...
        cases().apply(a.uuid(), everySchool(), new CaseChange.Close(Outcome.NO_FURTHER_ACTION), "mrs.khan", T0);
        outbox.done("node-a", read.stream().map(s -> s.rowId()).toList()); // ...and reports it indexed after the change
        var next = outbox.pending("node-a", 10);
        assertEquals(1, next.size(), "the change is not lost to the race");
        assertEquals(AlertStatus.CLOSED, next.getFirst().status());
        outbox.done("node-a", next.stream().map(s -> s.rowId()).toList());
        assertEquals(0, outbox.pendingCount("node-a"));
    }

    @Test
    default void anIncidentLoggedByHandIsAnAlertWithoutADeviceWithTheSameWorkflow() {
        device("dev-1", "LAPTOP-01");
        long oak = school("Oak Primary");
        var outbox = new JdbcIndexOutbox(dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
        outbox.register("node-a");
        String uuid = cases().logIncident(new NewIncident(oak, "j.smith", "abuse", 4, IncidentRoute.DISCLOSURE,
                "Told form tutor about bruises from home.", T0.minusSeconds(3600)),
                "0F2504E0-4F89-11D3-9A0C-0305E82C3301", "mrs.khan", T0);
        assertEquals("0f2504e0-4f89-11d3-9a0c-0305e82c3301", uuid);
        var alert = cases().alert(uuid, everySchool()).orElseThrow();
        assertEquals("", alert.deviceId());
        assertEquals("", alert.deviceHostname());
        assertEquals("manual:disclosure", alert.source());
        assertEquals(oak, alert.schoolId());
        assertEquals("j.smith", alert.user());
        assertEquals(T0.minusSeconds(3600), alert.occurredAt());
        var history = cases().caseOf(uuid, everySchool()).orElseThrow().history();
        assertEquals("logged", history.getFirst().change());
        assertEquals("mrs.khan", history.getFirst().actor());
        assertEquals(1, new JdbcAlertRepository(dataSource()).find(AlertQuery.in(everySchool()).build()).total(),
                "in the inbox like any alert");
        assertEquals(uuid, outbox.pending("node-a", 10).getFirst().uuid(), "and on its way to the search index");
        assertTrue(cases().apply(uuid, everySchool(), new CaseChange.AddNote("Called children's services."),
                "mrs.khan", T0));
    }

    @Test
    default void earlierAlertsAreTheSameUsersInTheSameSchoolNewestFirst() {
        device("dev-1", "LAPTOP-01");
        NewAlert first = stored("dev-1", 1, "bullying", 3);
        NewAlert second = stored("dev-1", 2, "self_harm", 4);
        NewAlert third = stored("dev-1", 3, "suicide", 5);
        var c = cases();
        var latest = c.alert(third.uuid(), everySchool()).orElseThrow();
        assertEquals(List.of(second.uuid(), first.uuid()),
                c.earlierAlertsOfUser(latest, everySchool(), 10).stream().map(s -> s.uuid()).toList());
    }

    @Test
    default void precisionCountsClosedAlertsAndFalsePositivesPerRule() {
        device("dev-1", "LAPTOP-01");
        NewAlert a = stored("dev-1", 1, "bullying", 3);  // rules bullying.1 bullying.2
        NewAlert b = stored("dev-1", 2, "bullying", 3);
        stored("dev-1", 3, "bullying", 3);                // open: not counted
        var c = cases();
        c.apply(a.uuid(), everySchool(), new CaseChange.Close(Outcome.FALSE_POSITIVE), "mrs.khan", T0);
        c.apply(b.uuid(), everySchool(), new CaseChange.Close(Outcome.SPOKE_WITH_PUPIL), "mrs.khan", T0);
        assertEquals(List.of(new RulePrecision("bullying.1", 2, 1), new RulePrecision("bullying.2", 2, 1)),
                c.rulePrecision(everySchool()));
        assertEquals(List.of(), c.rulePrecision(Scope.nothing()));
    }
}
