package io.vigil.console.web.view;

import java.util.List;

/**
 * An alert's incident record as exported: the printable page, the PDF and (in its own layout) the CSV show
 * the same facts.
 *
 * @param illegalContentRoute the "do not view or copy; preserve; refer" instruction, or null
 */
public record IncidentRecord(String uuid, String title, String exportedBy, String exportedAt, List<AlertView.Fact> facts,
                             String snippet, List<String> reasons, String illegalContentRoute,
                             List<CaseView.Line> notes, List<CaseView.Line> referrals, List<CaseView.Line> history) {
}
