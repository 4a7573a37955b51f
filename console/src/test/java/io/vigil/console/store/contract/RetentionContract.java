package io.vigil.console.store.contract;

import static io.vigil.console.store.contract.StoreContract.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.domain.AlertScreenshot;
import io.vigil.console.domain.CaseChange;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.Outcome;
import io.vigil.console.domain.RetentionPurge;
import io.vigil.console.domain.SchoolSettings;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcAuditLog;
import io.vigil.console.store.jdbc.JdbcCaseworkRepository;
import io.vigil.console.store.jdbc.JdbcRetentionRepository;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import io.vigil.console.store.jdbc.JdbcSchoolSettingsRepository;
import io.vigil.console.store.jdbc.JdbcScreenshotRepository;
import io.vigil.console.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Per-school settings and the daily purge, with time moved by an injected clock. */
public interface RetentionContract extends StoreContract {

    @Test
    default void aSchoolWithoutSettingsUsesTheDefaultsAndSavedSettingsReadBack() {
        long oak = school("Oak Primary");
        var settings = new JdbcSchoolSettingsRepository(dataSource());
        assertEquals(SchoolSettings.DEFAULTS, settings.of(oak));
        assertEquals(30, SchoolSettings.DEFAULTS.screenshotDays(), "screenshots are kept 30 days by default");
        settings.save(oak, new SchoolSettings(14, 400, 60), "mrs.khan", T0);
        settings.save(oak, new SchoolSettings(7, 365, 0), "mrs.khan", T0);
        assertEquals(new SchoolSettings(7, 365, 0), settings.of(oak));
    }

    @Test
    default void thePurgeRemovesExpiredRecordsButNothingOpenOrUnderLegalHoldAndSaysWhat() {
        device("dev-1", "LAPTOP-01");
        long oak = school("Oak Primary");
        MutableClock clock = new MutableClock(T0);
        new JdbcSchoolSettingsRepository(dataSource()).save(oak, new SchoolSettings(30, 100, 60), "mrs.khan", T0);
        Instant longAgo = T0.minus(Duration.ofDays(200));
        NewAlert expired = stored(alert("dev-1", 1, "bullying", 3, longAgo), longAgo, true, false);
        NewAlert held = stored(alert("dev-1", 2, "bullying", 3, longAgo), longAgo, true, true);
        NewAlert open = stored(alert("dev-1", 3, "suicide", 5, longAgo), longAgo, false, false);
        NewAlert recent = stored(alert("dev-1", 4, "bullying", 3, T0.minus(Duration.ofDays(40))),
                T0.minus(Duration.ofDays(40)), true, false);
        NewAlert fresh = stored(alert("dev-1", 5, "bullying", 3, T0.minus(Duration.ofDays(2))),
                T0.minus(Duration.ofDays(2)), false, false);

        var audit = new JdbcAuditLog(dataSource(), clock);
        List<String> logged = new ArrayList<>();
        var purge = new RetentionPurge(new JdbcSchoolRepository(dataSource()),
                new JdbcSchoolSettingsRepository(dataSource()), new JdbcRetentionRepository(dataSource()), clock);
        var removed = purge.run((school, r) -> {
            logged.add(r.describe());
            audit.record("retention", AuditAction.RETENTION_PURGE, r.describe());
        });

        assertEquals(1, removed.size());
        assertEquals(List.of(expired.uuid()), removed.getFirst().alerts(), "only the closed, expired, unheld alert");
        assertEquals(Set.of(expired.uuid(), open.uuid(), recent.uuid()), Set.copyOf(removed.getFirst().screenshotsOf()),
                "screenshots older than 30 days go unless held (the expired alert's went first)");
        var left = new JdbcAlertRepository(dataSource()).afterRowId(0, 100).stream().map(a -> a.uuid())
                .collect(Collectors.toSet());
        assertEquals(Set.of(held.uuid(), open.uuid(), recent.uuid(), fresh.uuid()), left);
        var shots = new JdbcScreenshotRepository(dataSource());
        assertTrue(shots.find(held.uuid(), everySchool()).isPresent(), "legal hold keeps the evidence");
        assertTrue(shots.find(fresh.uuid(), everySchool()).isPresent());
        assertTrue(shots.find(recent.uuid(), everySchool()).isEmpty());
        assertTrue(logged.getFirst().contains("closedAlerts=1 [" + expired.uuid() + "]"), logged.toString());
        assertTrue(audit.latest(5).stream().anyMatch(e -> e.action().equals("retention.purge")));

        clock.advance(Duration.ofDays(100));
        var later = purge.run((school, r) -> { });
        assertEquals(List.of(recent.uuid()), later.getFirst().alerts(), "a hundred days on, the next one is due");
        assertTrue(purge.run((school, r) -> { }).isEmpty(), "a second run the same day removes nothing");
    }

    private NewAlert stored(NewAlert a, Instant at, boolean closed, boolean hold) {
        assertTrue(new JdbcAlertRepository(dataSource()).storeOnce(a, at));
        new JdbcScreenshotRepository(dataSource()).storeOnce(new AlertScreenshot(a.uuid(), "image/png",
                new byte[] {1, 2, 3}, 1, 1), at);
        var cases = new JdbcCaseworkRepository(dataSource());
        if (closed) {
            cases.apply(a.uuid(), everySchool(), new CaseChange.Close(Outcome.NO_FURTHER_ACTION), "mrs.khan", at);
        }
        if (hold) {
            cases.apply(a.uuid(), everySchool(), new CaseChange.LegalHold(true), "mrs.khan", at);
        }
        return a;
    }
}
