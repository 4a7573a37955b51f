package io.vigil.console.web.view;

import java.util.List;

/**
 * The auditor's page: the filters as typed (to refill the form), the rows found, and the export link with
 * the same filters.
 */
public record AuditView(String username, String user, String alert, String action, String from, String to,
                        List<String> actions, List<Row> rows, int limit, String csvHref) {

    /** One audit row, its time already in the school's time zone. */
    public record Row(String at, String actor, String action, String detail) {
    }
}
