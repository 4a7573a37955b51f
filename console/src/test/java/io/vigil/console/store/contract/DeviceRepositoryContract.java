package io.vigil.console.store.contract;

import static io.vigil.console.store.contract.StoreContract.alert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.Device;
import io.vigil.console.domain.DeviceFacts;
import io.vigil.console.domain.DeviceRepository;
import io.vigil.console.domain.FilterEventRecord;
import io.vigil.console.domain.Scope;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcFilterEventRepository;
import io.vigil.console.store.jdbc.StoreException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What {@link DeviceRepository} promises, whatever database is behind it. */
public interface DeviceRepositoryContract extends StoreContract {

    default DeviceRepository devices() {
        return new JdbcDeviceRepository(dataSource());
    }

    @Test
    default void enrolledDeviceIsListedWithItsFactsAndCredentialHash() {
        DeviceFacts facts = new DeviceFacts("LAPTOP-07", "Windows", "11", "hw-7", "1.2.0");
        long oak = school("Oak Primary");
        devices().create(new Device("dev-7", oak, "Oak Primary", facts, "", T0, null), "a".repeat(64));

        Device listed = devices().inScope(Scope.of(oak)).getFirst();
        assertEquals("dev-7", listed.id());
        assertEquals(oak, listed.schoolId());
        assertEquals("Oak Primary", listed.schoolName());
        assertEquals(facts, listed.facts());
        assertEquals(T0, listed.enrolledAt());
        assertNull(listed.lastSeenAt(), "never seen before its first session");
        assertEquals(Optional.of("a".repeat(64)), devices().credentialHash("dev-7"));
        assertEquals(Optional.empty(), devices().credentialHash("dev-unknown"));
    }

    @Test
    default void hardwareIdFindsTheDeviceOnlyWithinItsSchool() {
        long oak = school("Oak Primary");
        long elm = school("Elm Academy");
        DeviceFacts facts = new DeviceFacts("LAPTOP-07", "Linux", "6.1", "PF3XK9QZ", "1.2.0");
        devices().create(new Device("dev-oak", oak, "Oak Primary", facts, "", T0, null), "a".repeat(64));

        assertEquals(Optional.of("dev-oak"), devices().idByHardwareId(oak, "PF3XK9QZ"));
        assertEquals(Optional.empty(), devices().idByHardwareId(elm, "PF3XK9QZ"));
        assertEquals(Optional.empty(), devices().idByHardwareId(oak, "OTHER-SERIAL"));
    }

    @Test
    default void reEnrolmentReplacesCredentialAndFactsButKeepsTheRecord() {
        long oak = school("Oak Primary");
        devices().create(new Device("dev-1", oak, "Oak Primary",
                new DeviceFacts("OLD", "Linux", "6.1", "PF3XK9QZ", "1.0"), "", T0, null), "a".repeat(64));
        DeviceFacts fresh = new DeviceFacts("NEW", "Linux", "6.8", "PF3XK9QZ", "2.0");

        devices().reEnrol("dev-1", "b".repeat(64), fresh);

        assertEquals(Optional.of("b".repeat(64)), devices().credentialHash("dev-1"));
        Device listed = devices().inScope(Scope.of(oak)).getFirst();
        assertEquals(fresh, listed.facts());
        assertEquals(T0, listed.enrolledAt(), "the enrolment date stays the first one");
        assertEquals(1, devices().inScope(Scope.of(oak)).size());
    }

    @Test
    default void helloRefreshesFactsUserAndLastSeenAndSeenMovesLastSeenOnly() {
        device("dev-1", "OLD-NAME");
        DeviceFacts fresh = new DeviceFacts("NEW-NAME", "Linux", "6.8", "hw-1", "2.0");
        devices().recordHello("dev-1", fresh, "a.pupil", T0.plusSeconds(60));
        Device afterHello = devices().inScope(everySchool()).getFirst();
        assertEquals(fresh, afterHello.facts());
        assertEquals("a.pupil", afterHello.lastUser());
        assertEquals(T0.plusSeconds(60), afterHello.lastSeenAt());

        devices().recordSeen("dev-1", T0.plusSeconds(120));
        Device afterSeen = devices().inScope(everySchool()).getFirst();
        assertEquals(T0.plusSeconds(120), afterSeen.lastSeenAt());
        assertEquals("a.pupil", afterSeen.lastUser());
    }

    @Test
    default void aScopeListsOnlyItsSchoolsDevicesAndAnEmptyOneNone() {
        device("oak-1", "OAK-1", "Oak Primary");
        device("elm-1", "ELM-1", "Elm Academy");
        assertEquals(List.of("oak-1"), devices().inScope(Scope.of(school("Oak Primary"))).stream().map(Device::id)
                .toList());
        assertEquals(2, devices().inScope(everySchool()).size());
        assertTrue(devices().inScope(Scope.nothing()).isEmpty(), "deny by default");
    }

    @Test
    default void devicesAreListedByHostnameThenId() {
        device("dev-c", "BETA");
        device("dev-b", "ALPHA");
        device("dev-a", "BETA");
        assertEquals(List.of("dev-b", "dev-a", "dev-c"), devices().inScope(everySchool()).stream().map(Device::id).toList());
    }

    @Test
    default void highestStoredSequenceCoversAlertsAndFilterEventsOfThatDeviceOnly() {
        device("dev-1", "LAPTOP-01");
        device("dev-2", "LAPTOP-02");
        assertEquals(0, devices().highestStoredSequence("dev-1"), "0 before anything is stored");
        new JdbcAlertRepository(dataSource()).storeOnce(alert("dev-1", 5, "bullying", 2, T0), T0);
        assertEquals(5, devices().highestStoredSequence("dev-1"));
        new JdbcFilterEventRepository(dataSource()).storeOnce(new FilterEventRecord(UUID.randomUUID().toString(),
                "dev-1", 9, "proxy.example", "blocked", "filter_evasion", "j.smith", "chrome", T0), T0);
        assertEquals(9, devices().highestStoredSequence("dev-1"), "filter events share the sequence");
        new JdbcAlertRepository(dataSource()).storeOnce(alert("dev-2", 50, "bullying", 2, T0), T0);
        assertEquals(9, devices().highestStoredSequence("dev-1"), "another device's alerts do not count");
    }

    @Test
    default void aDeviceIdIsEnrolledOnce() {
        device("dev-1", "LAPTOP-01");
        assertThrows(StoreException.class, () -> device("dev-1", "LAPTOP-01-AGAIN"));
        assertTrue(devices().inScope(everySchool()).stream().allMatch(d -> d.facts().hostname().equals("LAPTOP-01")));
    }
}
