package io.vigil.console.web.view;

import java.util.List;

/**
 * The form for logging a concern by hand. Field values are kept when the form comes back with a problem.
 *
 * @param illegalInstruction what to do (and not do) on the illegal-content route, shown beside the choice
 */
public record IncidentFormView(String username, List<Option> schools, List<Option> categories,
                               List<Option> severities, List<Option> routes, String pupil, String when,
                               String summary, String illegalInstruction, String notice) {
}
