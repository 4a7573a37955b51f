package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.HeartbeatFigures;
import io.vigil.console.domain.Scope;
import io.vigil.console.fleet.FleetRepository;
import io.vigil.console.fleet.HealthSettings;
import io.vigil.console.fleet.ItAlert;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcFleetRepository;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link FleetRepository} promises, whatever database is behind it. */
public interface FleetRepositoryContract extends StoreContract {

    default FleetRepository fleet() {
        return new JdbcFleetRepository(dataSource());
    }

    @Test
    default void aRevokedDeviceStaysRevokedByItsFirstRevoker() {
        long oak = school("Oak Primary");
        device("dev-1", "LAPTOP-1");
        assertEquals(Optional.empty(), fleet().revokedAt("dev-1"));
        assertFalse(fleet().revoke("dev-1", Scope.of(school("Elm Academy")), "elm.it", T0), "another school's IT");
        assertTrue(fleet().revoke("dev-1", Scope.of(oak), "it.lee", T0));
        assertFalse(fleet().revoke("dev-1", Scope.of(oak), "it.lee", T0.plusSeconds(5)));
        assertEquals(Optional.of(T0), fleet().revokedAt("dev-1"));
        assertEquals("it.lee", fleet().device("dev-1", Scope.of(oak)).orElseThrow().revokedBy());
    }

    @Test
    default void aDeviceOfAnotherSchoolIsNotFound() {
        device("dev-1", "LAPTOP-1");
        assertEquals(Optional.empty(), fleet().device("dev-1", Scope.of(school("Elm Academy"))));
    }

    @Test
    default void heartbeatFiguresAreKept() {
        long oak = school("Oak Primary");
        device("dev-1", "LAPTOP-1");
        fleet().recordFigures("dev-1", new HeartbeatFigures(12, 1, "sha256:lists", "sha256:policy"));
        assertEquals(new HeartbeatFigures(12, 1, "sha256:lists", "sha256:policy"),
                fleet().devices(Scope.of(oak)).getFirst().figures());
    }

    @Test
    default void healthSettingsDefaultUntilSaved() {
        long oak = school("Oak Primary");
        assertEquals(Optional.empty(), fleet().healthSettings(oak));
        fleet().saveHealthSettings(oak, new HealthSettings(24), "it.lee", T0);
        fleet().saveHealthSettings(oak, new HealthSettings(48), "it.lee", T0);
        assertEquals(Optional.of(new HealthSettings(48)), fleet().healthSettings(oak));
    }

    @Test
    default void aSilentDeviceGetsOneOpenAlertPerSilenceAndARevokedOneNone() {
        long oak = school("Oak Primary");
        device("dev-1", "LAPTOP-1");
        device("dev-2", "LAPTOP-2");
        new JdbcDeviceRepository(dataSource()).recordSeen("dev-1", T0);
        new JdbcDeviceRepository(dataSource()).recordSeen("dev-2", T0);
        fleet().revoke("dev-2", Scope.of(oak), "it.lee", T0);
        var later = T0.plus(Duration.ofDays(5));
        List<ItAlert> raised = fleet().raiseNotReporting(oak, T0.plusSeconds(1), later);
        assertEquals(List.of("dev-1"), raised.stream().map(ItAlert::deviceId).toList());
        assertEquals(List.of(), fleet().raiseNotReporting(oak, T0.plusSeconds(1), later.plusSeconds(60)),
                "once per silence");
        assertEquals(1, fleet().itAlerts(Scope.of(oak), true, 10).size());
        assertEquals(0, fleet().itAlerts(Scope.of(school("Elm Academy")), false, 10).size());

        assertEquals(1, fleet().clear("dev-1", ItAlert.NOT_REPORTING, later.plusSeconds(120)));
        assertEquals(0, fleet().itAlerts(Scope.of(oak), true, 10).size());
        assertEquals(1, fleet().raiseNotReporting(oak, T0.plusSeconds(1), later.plusSeconds(180)).size(),
                "a new silence raises a new alert");
        assertEquals(2, fleet().itAlertsOf("dev-1", 10).size());
    }

    @Test
    default void devicesHeardFromAgainHaveTheirAlertCleared() {
        long oak = school("Oak Primary");
        device("dev-1", "LAPTOP-1");
        new JdbcDeviceRepository(dataSource()).recordSeen("dev-1", T0);
        fleet().raiseNotReporting(oak, T0.plusSeconds(1), T0.plus(Duration.ofDays(5)));
        new JdbcDeviceRepository(dataSource()).recordSeen("dev-1", T0.plus(Duration.ofDays(6)));
        assertEquals(1, fleet().clearHeardSince(oak, ItAlert.NOT_REPORTING, T0.plus(Duration.ofDays(2)),
                T0.plus(Duration.ofDays(6))));
        assertTrue(fleet().itAlerts(Scope.of(oak), true, 10).isEmpty());
    }
}
