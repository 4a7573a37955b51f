package io.vigil.console.audit;

import io.vigil.console.domain.AlertExplainer;
import io.vigil.console.domain.CaseChange;
import io.vigil.console.domain.CaseRecord;
import io.vigil.console.domain.CaseworkRepository;
import io.vigil.console.domain.InvalidCaseChangeException;
import io.vigil.console.domain.RulePrecision;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.ScreenshotRepository;
import io.vigil.console.domain.StoredAlert;
import io.vigil.console.domain.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import io.vigil.console.domain.NewIncident;

/**
 * The only way the web layer opens an alert or acts on its case. Each read is audited before the content is
 * returned; each change is checked against the case as it stands, written with its history line, then audited.
 */
public final class AuditedCasework {

    /** How many of the pupil's earlier alerts the alert page shows. */
    public static final int TIMELINE = 50;

    /** Everything the alert page and the incident record show. */
    public record AlertDetail(StoredAlert alert, String schoolName, CaseRecord caseRecord,
                              AlertExplainer.Explanation explanation, List<StoredAlert> earlier,
                              List<String> assignable, boolean hasScreenshot) {
    }

    private final CaseworkRepository cases;
    private final UserRepository users;
    private final ScreenshotRepository screenshots;
    private final AlertExplainer explainer;
    private final AuditLog audit;
    private final Clock clock;

    public AuditedCasework(CaseworkRepository cases, UserRepository users, ScreenshotRepository screenshots,
                           AlertExplainer explainer, AuditLog audit, Clock clock) {
        this.cases = cases;
        this.users = users;
        this.screenshots = screenshots;
        this.explainer = explainer;
        this.audit = audit;
        this.clock = clock;
    }

    /** The alert's page, audited as a read; empty for an unknown alert or another school's. */
    public Optional<AlertDetail> open(String actor, String uuid, Scope scope) {
        Optional<AlertDetail> detail = read(uuid, scope);
        audit.record(actor, AuditAction.ALERT_VIEW, "alert=" + uuid + " found=" + detail.isPresent());
        return detail;
    }

    /** As {@link #open}, audited as an export in {@code format} (print, pdf, csv). */
    public Optional<AlertDetail> export(String actor, String uuid, Scope scope, String format) {
        Optional<AlertDetail> detail = read(uuid, scope);
        audit.record(actor, AuditAction.ALERT_EXPORT, "alert=" + uuid + " format=" + format
                + " found=" + detail.isPresent());
        return detail;
    }

    private Optional<AlertDetail> read(String uuid, Scope scope) {
        return cases.alert(uuid, scope).flatMap(alert -> cases.caseOf(uuid, scope).map(record ->
                new AlertDetail(alert, cases.schoolName(alert.schoolId()), record, explainer.explain(alert), cases.earlierAlertsOfUser(alert, scope, TIMELINE),
                        users.safeguardingUsers(alert.schoolId()), screenshots.exists(alert.uuid(), scope))));
    }

    /**
     * Makes one change to the case.
     *
     * @return false if there is no such alert in {@code scope}
     * @throws InvalidCaseChangeException if the change does not fit the case as it stands
     */
    public boolean change(String actor, String uuid, Scope scope, CaseChange change) {
        Optional<StoredAlert> alert = cases.alert(uuid, scope);
        Optional<CaseRecord> record = alert.flatMap(a -> cases.caseOf(uuid, scope));
        if (record.isEmpty()) {
            return false;
        }
        record.get().check(change);
        if (change instanceof CaseChange.Assign assign
                && !users.safeguardingUsers(alert.get().schoolId()).contains(assign.assignee())) {
            throw new InvalidCaseChangeException(assign.assignee()
                    + " is not a safeguarding user of this alert's school");
        }
        if (!cases.apply(uuid, scope, change, actor, clock.instant())) {
            return false;
        }
        // Notes and reasons are case content: the audit log says that they were written, the case holds them.
        boolean content = change instanceof CaseChange.AddNote || change instanceof CaseChange.ParentsNotInformed;
        audit.record(actor, AuditAction.ALERT_UPDATE, "alert=" + uuid + " change=" + change.kind()
                + (content ? "" : " " + change.describe()));
        return true;
    }

    /**
     * Logs a concern by hand in one of the actor's schools.
     *
     * @return the new alert's uuid
     * @throws InvalidCaseChangeException if the school is not one of {@code scope}'s
     */
    public String logIncident(String actor, Scope scope, NewIncident incident) {
        if (!scope.contains(incident.schoolId())) {
            throw new InvalidCaseChangeException("that school is not one of yours");
        }
        String uuid = cases.logIncident(incident, UUID.randomUUID().toString(), actor, clock.instant());
        audit.record(actor, AuditAction.INCIDENT_LOG, "alert=" + uuid + " school=" + incident.schoolId() + " route="
                + incident.route().id() + " category=" + incident.category());
        return uuid;
    }

    /** The school's name, for forms that let a trust-wide user choose one. */
    public String schoolName(long schoolId) {
        return cases.schoolName(schoolId);
    }

    /** Per-rule precision for list owners: counts only, audited. */
    public List<RulePrecision> precision(String actor, Scope scope) {
        List<RulePrecision> rows = cases.rulePrecision(scope);
        audit.record(actor, AuditAction.RULES_PRECISION, "schools=" + scope.schoolIds() + " rules=" + rows.size());
        return rows;
    }
}
