package io.vigil.console;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.School;
import io.vigil.console.domain.UserRepository;
import io.vigil.console.notify.OnCallPerson;
import io.vigil.console.notify.OnCallRepository;
import io.vigil.console.notify.UrgentSettings;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who is told about a school's urgent alerts, in order, and at what level and delay ({@code oncall set}). */
final class OnCallAdmin {

    private final OnCallRepository onCall;
    private final UserRepository users;
    private final AuditLog audit;
    private final Clock clock;

    OnCallAdmin(OnCallRepository onCall, UserRepository users, AuditLog audit, Clock clock) {
        this.onCall = onCall;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Sets the school's on-call order. Each person must be an active safeguarding user who can see the school's
     * alerts: an email about an alert its reader cannot open would only cause alarm.
     */
    void set(String actor, School school, List<OnCallPerson> people, Optional<Integer> minSeverity,
             Optional<Integer> escalateAfterMinutes) {
        UrgentSettings current = onCall.settings(school.id());
        UrgentSettings next;
        try {
            next = new UrgentSettings(minSeverity.orElse(current.minSeverity()),
                    escalateAfterMinutes.orElse(current.escalateAfterMinutes()));
        } catch (io.vigil.console.domain.InvalidCaseChangeException e) {
            throw new ConsoleException(e.getMessage());
        }
        List<String> allowed = users.safeguardingUsers(school.id());
        Set<String> seen = new HashSet<>();
        for (OnCallPerson p : people) {
            if (!allowed.contains(p.username())) {
                throw new ConsoleException("'" + p.username() + "' is not an active safeguarding user of "
                        + school.name() + " (safeguarding users: " + (allowed.isEmpty() ? "none" : allowed) + ")");
            }
            if (!seen.add(p.username())) {
                throw new ConsoleException("'" + p.username() + "' is named twice in the on-call order");
            }
        }
        onCall.setOnCall(school.id(), people);
        if (!next.equals(current)) {
            onCall.saveSettings(school.id(), next, actor, clock.instant());
        }
        audit.record(actor, AuditAction.ONCALL_SET, "school=" + school.id() + " order="
                + people.stream().map(OnCallPerson::username).toList() + " " + next);
    }
}
