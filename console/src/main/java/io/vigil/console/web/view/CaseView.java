package io.vigil.console.web.view;

import java.util.List;

/**
 * The case on an alert as its page shows it, with the choices its forms offer.
 *
 * @param canAct whether the viewer may change the case (safeguarding roles)
 */
public record CaseView(String status, String assignee, String acknowledged, String outcome, String cpoms,
                       String parentsNotInformed, boolean legalHold, List<Line> notes, List<Line> referrals,
                       List<Line> history, boolean canAct, boolean acknowledgedYet, List<Option> assignable,
                       List<Option> statuses, List<Option> outcomes, List<Option> agencies, String today) {

    /** A timestamped line: when, who, what. */
    public record Line(String isoTime, String time, String who, String text) {
    }
}
