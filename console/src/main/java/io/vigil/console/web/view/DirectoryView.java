package io.vigil.console.web.view;

import java.util.List;

/**
 * The school's directory page: import from the MIS, the asset log, generic logins and priority pupils.
 *
 * @param notice   what the last action did, in plain words, or null
 * @param problems every problem of a refused file ("Row 4: duplicate username ..."); empty when none
 */
public record DirectoryView(String username, long schoolId, List<Option> schools, String notice,
                            List<String> problems, List<PersonRow> people, String genericLogins) {

    /** One person; {@code priority} is the DSL's reason, "" when not marked. */
    public record PersonRow(String name, String yearGroup, String form, String role, String logins, String priority,
                            String firstLogin, boolean pupil) {
    }
}
