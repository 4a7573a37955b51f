package io.vigil.console.people;

import io.vigil.console.domain.NoticeAcceptanceRepository;
import io.vigil.console.domain.Route;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.StoredAlert;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Puts people on alerts: who the login belongs to, whose device it was, whether the login is a shared one, and
 * whether that login accepted the acceptable use notice. Read for alerts the reader was already allowed to read,
 * so it adds no audit row of its own (the alert read is audited).
 */
public final class AlertPeople {

    /** No directory: every login shown as unknown (web tests that do not wire a store). */
    public static final AlertPeople NONE = new AlertPeople(null, null);

    private final Directory directory;
    private final NoticeAcceptanceRepository notices;

    public AlertPeople(Directory directory, NoticeAcceptanceRepository notices) {
        this.directory = directory;
        this.notices = notices;
    }

    /** Each alert's subject, keyed by alert uuid (empty when no directory is wired). */
    public Map<String, AlertSubject> of(List<StoredAlert> alerts) {
        Map<String, AlertSubject> result = new HashMap<>();
        if (directory == null) {
            // Nobody to look up: callers show the bare login, as before the directory existed.
            return result;
        }
        Map<String, Person> allocations = directory.allocations(alerts.stream().map(StoredAlert::deviceId).toList());
        Map<Long, List<StoredAlert>> bySchool = alerts.stream().collect(Collectors.groupingBy(StoredAlert::schoolId));
        for (var school : bySchool.entrySet()) {
            Map<String, Person> people = directory.byLogins(school.getKey(),
                    school.getValue().stream().map(StoredAlert::user).toList());
            GenericLogins generic = new GenericLogins(directory.genericLogins(school.getKey()));
            Map<String, Optional<AlertSubject.NoticeSeen>> seen = new HashMap<>();
            for (StoredAlert a : school.getValue()) {
                String login = a.user().toLowerCase(Locale.ROOT);
                Optional<Person> person = Optional.ofNullable(people.get(login));
                Optional<Person> allocated = Optional.ofNullable(allocations.get(a.deviceId()));
                boolean pupilDevice = allocated.filter(p -> p.role() == DirectoryRole.PUPIL).isPresent();
                boolean staffOnPupilDevice = pupilDevice && person.filter(p -> p.role() != DirectoryRole.PUPIL)
                        .isPresent();
                result.put(a.uuid(), new AlertSubject(person.map(Person::label).orElse("unknown login: " + a.user()),
                        person, generic.matches(login), staffOnPupilDevice, allocated,
                        route(person.map(Person::role).orElse(null), pupilDevice),
                        seen.computeIfAbsent(a.user(), u -> notice(a.schoolId(), u))));
            }
        }
        return result;
    }

    /** Mirrors the store's routing SQL, for display; the store's answer is the one enforced. */
    static Route route(DirectoryRole role, boolean onPupilDevice) {
        if (onPupilDevice || role == null) {
            return Route.SAFEGUARDING;
        }
        return switch (role) {
            case PUPIL -> Route.SAFEGUARDING;
            case STAFF, GOVERNOR -> Route.HEADTEACHER;
            case HEADTEACHER -> Route.CHAIR_OF_GOVERNORS;
        };
    }

    private Optional<AlertSubject.NoticeSeen> notice(long schoolId, String login) {
        if (notices == null || login.isEmpty()) {
            return Optional.empty();
        }
        return notices.inScope(Scope.of(schoolId), Optional.of(login), 1).stream().findFirst()
                .map(n -> new AlertSubject.NoticeSeen(n.noticeVersion(), n.acceptedAt()));
    }
}
