package io.vigil.console.store.contract;

import static io.vigil.console.store.contract.StoreContract.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.NewAlert;
import io.vigil.console.notify.OnCallPerson;
import io.vigil.console.notify.UrgentOutbox;
import io.vigil.console.notify.UrgentSettings;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcOnCallRepository;
import io.vigil.console.store.jdbc.JdbcUrgentOutbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The urgent-alert outbox: written with the alert by both store paths, claimed once, retried, escalated. */
public interface UrgentOutboxContract extends StoreContract {

    Instant LATER = T0.plus(Duration.ofDays(1));

    default UrgentOutbox outbox() {
        return new JdbcUrgentOutbox(dataSource());
    }

    /** Every unsent message, claimed (so a test calls this once per state it checks). */
    default List<UrgentOutbox.Message> claimAll(Instant now) {
        return outbox().claimDue(now, now.plusSeconds(60), 100);
    }

    @Test
    default void bothStorePathsQueueOneMessagePerNewUrgentAlertAndNoneForADuplicate() {
        device("dev-1", "LAPTOP-01");
        var alerts = new JdbcAlertRepository(dataSource());
        NewAlert once = alert("dev-1", 1, "suicide", 5, T0);
        assertTrue(alerts.storeOnce(once, T0));
        assertFalse(alerts.storeOnce(once, T0), "resent");
        NewAlert batched = alert("dev-1", 2, "suicide", 5, T0);
        assertEquals(List.of(true, false, false, true), alerts.storeAll(List.of(batched, once, batched,
                alert("dev-1", 3, "bullying", 3, T0)), T0), "a duplicate of a stored one, and within the batch");

        List<UrgentOutbox.Message> queued = claimAll(LATER);
        assertEquals(List.of(once.uuid(), batched.uuid()), queued.stream().map(UrgentOutbox.Message::alertUuid)
                .toList(), "severity 3 is not urgent by default");
        UrgentOutbox.Message first = queued.getFirst();
        assertEquals(0, first.step());
        assertEquals("Oak Primary", first.schoolName());
        assertFalse(first.emailSent() || first.webhookSent() || first.acknowledged());
    }

    @Test
    default void aSchoolMayMakeLowerSeveritiesUrgent() {
        device("dev-1", "LAPTOP-01");
        new JdbcOnCallRepository(dataSource()).saveSettings(school("Oak Primary"), new UrgentSettings(3, 5), "dsl", T0);
        assertEquals(new UrgentSettings(3, 5), new JdbcOnCallRepository(dataSource()).settings(school("Oak Primary")));
        new JdbcAlertRepository(dataSource()).storeAll(List.of(alert("dev-1", 1, "bullying", 3, T0),
                alert("dev-1", 2, "bullying", 2, T0)), T0);
        assertEquals(1, claimAll(LATER).size());
    }

    @Test
    default void aClaimedMessageIsNotClaimedAgainAndAFailedOneWaitsForItsRetryTime() {
        device("dev-1", "LAPTOP-01");
        new JdbcAlertRepository(dataSource()).storeOnce(alert("dev-1", 1, "suicide", 5, T0), T0);
        UrgentOutbox.Message m = claimAll(T0).getFirst();
        assertTrue(claimAll(T0.plusSeconds(30)).isEmpty(), "claimed by another sender");

        outbox().emailSent(m.id(), T0);
        outbox().failed(m.id(), T0.plusSeconds(300), "webhook answered 503");
        assertTrue(claimAll(T0.plusSeconds(299)).isEmpty(), "not before its retry time");
        UrgentOutbox.Message retry = claimAll(T0.plusSeconds(300)).getFirst();
        assertTrue(retry.emailSent() && !retry.webhookSent(), "only the webhook is left to send");
        assertEquals(1, retry.attempts());

        outbox().done(retry.id(), T0.plusSeconds(301), null);
        assertTrue(claimAll(LATER).isEmpty());
    }

    @Test
    default void escalationQueuesTheNextStepOnceAndOnCallKeepsItsOrder() {
        device("dev-1", "LAPTOP-01");
        long school = school("Oak Primary");
        var onCall = new JdbcOnCallRepository(dataSource());
        onCall.setOnCall(school, List.of(new OnCallPerson("b", "b@oak.sch.uk"), new OnCallPerson("a", "a@oak.sch.uk")));
        assertEquals(List.of("b", "a"), onCall.onCall(school).stream().map(OnCallPerson::username).toList());

        new JdbcAlertRepository(dataSource()).storeOnce(alert("dev-1", 1, "suicide", 5, T0), T0);
        outbox().done(claimAll(T0).getFirst().id(), T0, null);
        UrgentOutbox.Sent sent = outbox().awaitingFollowUp(10).getFirst();
        assertEquals(0, sent.step());
        assertFalse(sent.acknowledged());

        outbox().escalate(sent, T0.plusSeconds(600));
        outbox().escalate(sent, T0.plusSeconds(600));
        assertTrue(outbox().awaitingFollowUp(10).isEmpty(), "step 0 is dealt with");
        List<UrgentOutbox.Message> next = claimAll(LATER);
        assertEquals(1, next.size(), "escalating twice queues one message");
        assertEquals(1, next.getFirst().step());
    }
}
