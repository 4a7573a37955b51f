package io.vigil.console.people;

import io.vigil.console.domain.Route;
import java.time.Instant;
import java.util.Optional;

/**
 * Who an alert is about, as the alert page, inbox, search and exports show it.
 *
 * @param label              "Amelia Jones, Year 8, 8B", or "unknown login: xyz" when the directory has no such login
 * @param person             the directory person behind the login, if known
 * @param genericLogin       the login is a generic or shared one (year group, guest): anyone may have been typing
 * @param staffOnPupilDevice a staff login used on a device allocated to a pupil
 * @param allocatedTo        the person the device is allocated to, if the asset log says
 * @param route              who the alert goes to
 * @param notice             when this login last accepted the acceptable use notice, if ever
 */
public record AlertSubject(String label, Optional<Person> person, boolean genericLogin, boolean staffOnPupilDevice,
                           Optional<Person> allocatedTo, Route route, Optional<NoticeSeen> notice) {

    /** The acceptable use notice this login accepted most recently. */
    public record NoticeSeen(String version, Instant acceptedAt) {
    }

    public boolean priority() {
        return person.flatMap(Person::priority).isPresent();
    }

    /** Short flags for lists and exports, e.g. "generic login; staff login on a pupil's device". */
    public String flags() {
        StringBuilder s = new StringBuilder();
        if (genericLogin) {
            s.append("generic or shared login");
        }
        if (staffOnPupilDevice) {
            s.append(s.isEmpty() ? "" : "; ").append("staff login on a pupil's device");
        }
        if (priority()) {
            s.append(s.isEmpty() ? "" : "; ").append("priority pupil");
        }
        return s.toString();
    }

    /** For an alert whose login nobody could look up (no directory wired, as in some web tests). */
    public static AlertSubject unknown(String login) {
        return new AlertSubject("unknown login: " + login, Optional.empty(), false, false, Optional.empty(),
                Route.SAFEGUARDING, Optional.empty());
    }
}
