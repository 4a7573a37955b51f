package io.vigil.console.web.view;

import java.util.List;

/**
 * The urgent-alert settings page: per school in the reader's scope, who is told and when.
 *
 * @param schools one entry per school, by name
 */
public record UrgentSettingsView(String username, List<School> schools) {

    /**
     * @param minSeverity     alerts at or above this severity are emailed
     * @param escalateMinutes unacknowledged this long, the next person on call is told
     * @param onCall          in order: who is told first, then next
     */
    public record School(String name, int minSeverity, int escalateMinutes, List<Person> onCall) {
    }

    public record Person(int position, String username, String email) {
    }
}
