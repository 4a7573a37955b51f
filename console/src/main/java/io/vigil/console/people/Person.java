package io.vigil.console.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Someone in a school's directory.
 *
 * @param priority set when a DSL marked this pupil as priority: why, by whom, when (safeguarding roles only)
 */
public record Person(long id, long schoolId, String displayName, String yearGroup, String form, DirectoryRole role,
                     List<String> logins, Optional<Priority> priority) {

    public Person {
        logins = List.copyOf(logins);
    }

    /** A DSL's mark that this pupil's alerts rank higher. */
    public record Priority(String reason, String by, Instant at) {
    }

    /** How alerts name the person: "Amelia Jones, Year 8, 8B"; staff "Tom Baker, staff". */
    public String label() {
        if (role != DirectoryRole.PUPIL) {
            return displayName + ", " + role.id();
        }
        StringBuilder s = new StringBuilder(displayName);
        if (!yearGroup.isEmpty()) {
            s.append(", ").append(yearGroup.equals("R") ? "Reception" : yearGroup.equals("N") ? "Nursery"
                    : "Year " + yearGroup);
        }
        if (!form.isEmpty()) {
            s.append(", ").append(form);
        }
        return s.toString();
    }
}
