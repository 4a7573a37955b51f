package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.Membership;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.Readership;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.StoredAlert;
import io.vigil.console.people.DirectoryEntry;
import io.vigil.console.people.DirectoryRole;
import io.vigil.console.people.Person;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcCaseworkRepository;
import io.vigil.console.store.jdbc.JdbcDirectory;
import io.vigil.console.store.jdbc.JdbcUserRepository;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The directory store and the routing SQL every alert read applies, on each database the console supports. */
public interface DirectoryRoutingContract extends StoreContract {

    default JdbcDirectory directory() {
        return new JdbcDirectory(dataSource());
    }

    private static DirectoryEntry person(int row, String name, DirectoryRole role, String... logins) {
        return new DirectoryEntry(List.of(logins), name, role == DirectoryRole.PUPIL ? "8" : "", role
                == DirectoryRole.PUPIL ? "8B" : "", role, row);
    }

    private String stored(String device, long seq, String user, int severity) {
        String uuid = UUID.randomUUID().toString();
        assertTrue(new JdbcAlertRepository(dataSource()).storeOnce(new NewAlert(uuid, device, seq, "suicide", severity,
                10, List.of("suicide.1"), "snippet", "chrome", "Chat", "https://example.org", user,
                T0.plusSeconds(seq), "keyboard", "sha256:list"), T0));
        return uuid;
    }

    private Scope reader(String username, Role... roles) {
        return Scope.of(school("Oak Primary")).forReader(Readership.of(username, Set.of(roles)));
    }

    private Set<String> listed(Scope scope) {
        return new JdbcAlertRepository(dataSource()).find(AlertQuery.in(scope).limit(500).build()).alerts().stream()
                .map(StoredAlert::uuid).collect(Collectors.toSet());
    }

    private void oakDirectory() {
        directory().replace(school("Oak Primary"), List.of(
                person(2, "Amelia Jones", DirectoryRole.PUPIL, "ajones", "amelia.j"),
                person(3, "Tom Baker", DirectoryRole.STAFF, "tbaker"),
                person(4, "Ruth Head", DirectoryRole.HEADTEACHER, "rhead"),
                person(5, "Sara Khan", DirectoryRole.STAFF, "skhan")));
    }

    @Test
    default void alertsFollowThePersonNotTheLogin() {
        device("pupil-laptop", "LAPTOP-A");
        device("staff-laptop", "LAPTOP-T");
        oakDirectory();
        long oak = school("Oak Primary");
        assertTrue(directory().allocate(oak, "laptop-a", "AJONES", "dsl", T0).isPresent());
        String pupil = stored("pupil-laptop", 1, "Amelia.J", 4);
        String staff = stored("staff-laptop", 2, "TBaker", 4);
        String staffOnPupil = stored("pupil-laptop", 3, "tbaker", 4);
        String head = stored("staff-laptop", 4, "rhead", 4);
        String unknown = stored("staff-laptop", 5, "guest", 4);
        String dslOwn = stored("pupil-laptop", 6, "skhan", 4);

        assertEquals(Set.of(pupil, staffOnPupil, unknown, dslOwn), listed(reader("dsl", Role.DSL)));
        assertEquals(Set.of(pupil, staffOnPupil, unknown), listed(reader("skhan", Role.DSL)), "not about herself");
        assertEquals(Set.of(staff), listed(reader("head", Role.HEADTEACHER)));
        assertEquals(Set.of(staff), listed(reader("rhead", Role.HEADTEACHER, Role.CHAIR_OF_GOVERNORS)),
                "the head never reads the alert about herself, whatever her roles");
        assertEquals(Set.of(head), listed(reader("chair", Role.CHAIR_OF_GOVERNORS)));
        assertEquals(Set.of(), listed(reader("it", Role.IT_PROVIDER)));
        assertEquals(6, listed(Scope.of(oak)).size(), "the console's own reads are unrestricted");

        var cases = new JdbcCaseworkRepository(dataSource());
        assertTrue(cases.alert(staff, reader("head", Role.HEADTEACHER)).isPresent());
        assertFalse(cases.alert(staff, reader("dsl", Role.DSL)).isPresent());
        assertFalse(cases.caseOf(staff, reader("dsl", Role.DSL)).isPresent());
        assertFalse(cases.apply(staff, reader("dsl", Role.DSL), new io.vigil.console.domain.CaseChange.AddNote("x"),
                "dsl", T0));
        StoredAlert latest = cases.alert(staffOnPupil, reader("dsl", Role.DSL)).orElseThrow();
        assertEquals(List.of(), cases.earlierAlertsOfUser(latest, reader("dsl", Role.DSL), 10).stream()
                .map(StoredAlert::uuid).toList(), "the staff alert on his own laptop is the head's");
        var alerts = new JdbcAlertRepository(dataSource());
        var ids = alerts.afterRowId(0, 100).stream().collect(Collectors.toMap(StoredAlert::uuid, StoredAlert::rowId));
        assertEquals(Set.of(ids.get(head)), alerts.visible(ids.values(), reader("chair", Role.CHAIR_OF_GOVERNORS)));
    }

    @Test
    default void withoutADirectoryEveryAlertIsTheSafeguardingTeamsExceptTheReadersOwn() {
        device("laptop", "LAPTOP-1");
        String pupil = stored("laptop", 1, "ajones", 4);
        String own = stored("laptop", 2, "Mrs.Khan", 4);
        assertEquals(Set.of(pupil), listed(reader("mrs.khan", Role.DSL)));
        assertEquals(Set.of(pupil, own), listed(reader("mr.jones", Role.DEPUTY_DSL)));
        assertEquals(Set.of(), listed(reader("rhead", Role.HEADTEACHER)));
        assertEquals(Set.of(), listed(reader("chair", Role.CHAIR_OF_GOVERNORS)));
        var cases = new JdbcCaseworkRepository(dataSource());
        assertFalse(cases.alert(own, reader("mrs.khan", Role.DSL)).isPresent());
        assertFalse(cases.alert(pupil, reader("rhead", Role.HEADTEACHER)).isPresent());
    }

    @Test
    default void aLinkedUserNeverSeesAlertsAboutThemselves() {
        device("pupil-laptop", "LAPTOP-A");
        oakDirectory();
        long oak = school("Oak Primary");
        new JdbcUserRepository(dataSource()).create("mr.baker", Set.of(Role.DEPUTY_DSL), "$argon2id$x",
                Membership.school(oak), T0);
        directory().allocate(oak, "pupil-laptop", "ajones", "dsl", T0);
        String own = stored("pupil-laptop", 1, "tbaker", 4);
        assertEquals(Set.of(own), listed(reader("mr.baker", Role.DEPUTY_DSL)));
        assertTrue(directory().link("mr.baker", oak, "TBAKER"));
        assertEquals(Set.of(), listed(reader("mr.baker", Role.DEPUTY_DSL)));
        assertFalse(directory().link("nobody", oak, "tbaker"));
    }

    @Test
    default void aPriorityPupilsAlertsRankAboveOthersOfTheSameSeverity() {
        device("pupil-laptop", "LAPTOP-A");
        oakDirectory();
        directory().replace(school("Oak Primary"), List.of(person(2, "Amelia Jones", DirectoryRole.PUPIL, "ajones"),
                person(3, "Ben Smith", DirectoryRole.PUPIL, "bsmith")));
        String ben = stored("pupil-laptop", 1, "bsmith", 4);
        String amelia = stored("pupil-laptop", 2, "ajones", 4);
        String urgent = stored("pupil-laptop", 3, "ajones", 5);
        var alerts = new JdbcAlertRepository(dataSource());
        var dsl = reader("dsl", Role.DSL);
        assertEquals(List.of(urgent, amelia, ben), order(alerts, dsl));
        assertTrue(directory().setPriority(school("Oak Primary"), "BSMITH", Optional.of("Known to social care"),
                "dsl", T0));
        assertEquals(List.of(urgent, ben, amelia), order(alerts, dsl), "priority within a severity, not above it");
        assertEquals(List.of(urgent, ben, amelia), order(alerts, Scope.of(school("Oak Primary"))));
        assertTrue(directory().setPriority(school("Oak Primary"), "bsmith", Optional.empty(), "dsl", T0));
        assertEquals(List.of(urgent, amelia, ben), order(alerts, dsl));
    }

    private static List<String> order(JdbcAlertRepository alerts, Scope scope) {
        return alerts.find(AlertQuery.in(scope).build()).alerts().stream().map(StoredAlert::uuid).toList();
    }

    @Test
    default void reimportKeepsPeopleByLoginAndRemovesTheRest() {
        device("pupil-laptop", "LAPTOP-A");
        long oak = school("Oak Primary");
        oakDirectory();
        directory().setPriority(oak, "ajones", Optional.of("reason"), "dsl", T0);
        directory().allocate(oak, "pupil-laptop", "ajones", "dsl", T0);
        directory().allocate(oak, "LAPTOP-A", "tbaker", "dsl", T0);
        long ameliaId = directory().byLogins(oak, List.of("ajones")).get("ajones").id();
        var summary = directory().replace(oak, List.of(person(2, "Amelia Jones-Smith", DirectoryRole.PUPIL, "amelia.j"),
                person(3, "Ruth Head", DirectoryRole.HEADTEACHER, "rhead")));
        assertEquals(0, summary.added());
        assertEquals(2, summary.updated());
        assertEquals(List.of("Sara Khan", "Tom Baker"), summary.removed().stream().sorted().toList());
        Person amelia = directory().byLogins(oak, List.of("AMELIA.J")).get("amelia.j");
        assertEquals(ameliaId, amelia.id(), "same person, kept by a login still in the file");
        assertEquals("Amelia Jones-Smith, Year 8, 8B", amelia.label());
        assertTrue(amelia.priority().isPresent(), "a DSL's mark survives a re-import");
        assertEquals(Set.of(), directory().byLogins(oak, List.of("ajones", "tbaker")).keySet());
        assertTrue(directory().allocations(List.of("pupil-laptop")).isEmpty(),
                "Tom Baker's allocation went with him");
        assertEquals(2, directory().people(oak).size());
        assertFalse(directory().setPriority(oak, "rhead", Optional.of("x"), "dsl", T0), "only pupils");
    }

    @Test
    default void genericLoginsAreReplacedWholeAndDirectoriesAreKeptPerSchool() {
        long oak = school("Oak Primary");
        long elm = school("Elm Academy");
        directory().replaceGenericLogins(oak, List.of("Guest", "year7*", "guest"));
        assertEquals(List.of("guest", "year7*"), directory().genericLogins(oak));
        directory().replaceGenericLogins(oak, List.of("exam*"));
        assertEquals(List.of("exam*"), directory().genericLogins(oak));
        assertEquals(List.of(), directory().genericLogins(elm));
        oakDirectory();
        directory().replace(elm, List.of(person(2, "Elm Pupil", DirectoryRole.PUPIL, "ajones")));
        assertEquals("Amelia Jones", directory().byLogins(oak, List.of("ajones")).get("ajones").displayName());
        assertEquals("Elm Pupil", directory().byLogins(elm, List.of("ajones")).get("ajones").displayName());
    }
}
