package io.vigil.console.web;

import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.LanguageCode;
import io.vigil.console.domain.Device;
import io.vigil.console.domain.StoredAlert;
import java.time.Instant;
import io.vigil.console.policy.DevicePolicyStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.vigil.console.audit.AuditedCasework;
import io.vigil.console.domain.AlertExplainer;
import io.vigil.console.domain.CaseRecord;
import io.vigil.console.domain.Outcome;

/** The JSON shapes of the API. Times are ISO-8601 UTC strings. */
final class JsonViews {

    private JsonViews() {
    }

    /** @param source where the text came from: keyboard, window_title, search_term (a search query), replay */
    record AlertView(String id, String category, String categoryName, int severity, String snippet, String user, String device,
                     String deviceId, long schoolId, String app, String window, String url, List<String> rules,
                     String occurredAt, String status, String source, String language, String languageName,
                     String assignee) {
    }

    /** An alert's case: its state, what was recorded, and why the alert was raised. Times are ISO-8601 UTC. */
    record CaseResponse(String id, String status, String assignee, String acknowledgedBy, String acknowledgedAt,
                        String outcome, String cpomsReference, String parentsNotInformed, boolean legalHold,
                        List<String> explanation, List<String> highlighted, List<Map<String, String>> notes,
                        List<Map<String, String>> referrals, List<Map<String, String>> history,
                        List<String> earlierAlerts) {
    }

    /** {@code notYetSearchable}: alerts stored but not yet in the search index (text searches may miss them). */
    record AlertsResponse(long total, int offset, int limit, long notYetSearchable, List<AlertView> alerts) {
    }

    /**
     * @param capabilities what the agent runs, e.g. "capture.keyboard"
     * @param unavailable  what it could not start, each with the reason
     * @param problems     the same in words: "keyboard capture unavailable: no display (DISPLAY is not set)",
     *                     and a spool that cannot write
     * @param spoolProblem why the device's spool cannot write ("No space left on device"); empty when it can
     */
    record DeviceView(String id, String hostname, long schoolId, String school, String lastUser, String agentVersion,
                      String enrolledAt, String lastSeenAt, String osName, String osVersion, String model,
                      String hardwareId, List<String> capabilities,
                      List<UnavailableView> unavailable, List<String> problems, String spoolProblem,
                      String policyVersion, String policyError, int tamperEvents24h) {
    }

    record UnavailableView(String capability, String reason) {
    }

    record DevicesResponse(List<DeviceView> devices) {
    }

    record ErrorResponse(String error) {
    }

    record Credentials(String username, String password) {
    }

    record SessionView(String username, List<String> roles, List<String> permissions, List<Long> schoolIds,
                       long idleTimeoutSeconds) {
    }

    static AlertsResponse alerts(AlertQuery query, AlertPage page, CategoryCatalog categories) {
        return new AlertsResponse(page.total(), query.offset(), query.limit(), page.notYetSearchable(),
                page.alerts().stream().map(a -> alert(a, categories)).toList());
    }

    static AlertView alert(StoredAlert a, CategoryCatalog categories) {
        return new AlertView(a.uuid(), a.category(), categories.nameOf(a.category()), a.severity(), a.snippet(), a.user(), a.deviceHostname(),
                a.deviceId(), a.schoolId(), a.app(), a.windowTitle(), a.url(), a.ruleIds(), iso(a.occurredAt()), a.status().id(),
                a.source(), a.language(), LanguageCode.nameForDsl(a.language()), a.assignee());
    }

    static CaseResponse caseOf(AuditedCasework.AlertDetail d) {
        CaseRecord c = d.caseRecord();
        return new CaseResponse(d.alert().uuid(), c.status().id(), c.assignee().orElse(null),
                c.acknowledged().map(CaseRecord.Acknowledgement::by).orElse(null),
                c.acknowledged().map(a -> iso(a.at())).orElse(null), c.outcome().map(Outcome::id).orElse(null),
                c.cpomsReference().orElse(null), c.parentsNotInformed().orElse(null), c.legalHold(),
                d.explanation().reasons(), d.explanation().snippet().stream().filter(AlertExplainer.Segment::matched)
                        .map(AlertExplainer.Segment::text).toList(),
                c.notes().stream().map(n -> Map.of("at", iso(n.at()), "author", n.author(), "text", n.text())).toList(),
                c.referrals().stream().map(r -> Map.of("agency", r.agency().id(), "date", r.on().toString(),
                        "reference", r.reference(), "recordedBy", r.recordedBy())).toList(),
                c.history().stream().map(e -> Map.of("at", iso(e.at()), "actor", e.actor(), "change", e.change(),
                        "detail", e.detail())).toList(),
                d.earlier().stream().map(StoredAlert::uuid).toList());
    }

    /** {@code policyVersion}: the filter policy the device runs; {@code policyError}: why it refused the last one. */
    static DevicesResponse devices(List<Device> devices, Map<String, DevicePolicyStatus> policies) {
        return devices(devices, policies, Map.of());
    }

    /** @param tamper tamper events per device over the last 24 hours; each one also appears in {@code problems} */
    static DevicesResponse devices(List<Device> devices, Map<String, DevicePolicyStatus> policies,
                                   Map<String, Integer> tamper) {
        return new DevicesResponse(devices.stream().map(d -> new DeviceView(d.id(), d.facts().hostname(), d.schoolId(), d.schoolName(),
                d.lastUser(), d.facts().agentVersion(), iso(d.enrolledAt()), iso(d.lastSeenAt()),
                d.facts().osName(), d.facts().osVersion(), d.facts().model(), d.facts().hardwareId(),
                d.capabilities().available(), d.capabilities().unavailable().entrySet().stream()
                        .map(e -> new UnavailableView(e.getKey(), e.getValue())).toList(),
                problems(d, tamper.getOrDefault(d.id(), 0)), d.spoolProblem(),
                Optional.ofNullable(policies.get(d.id())).map(DevicePolicyStatus::runningVersion).orElse(null),
                Optional.ofNullable(policies.get(d.id())).map(DevicePolicyStatus::error).orElse(null),
                tamper.getOrDefault(d.id(), 0))).toList());
    }

    /** Capabilities that could not start, and a spool that cannot write: both leave a device partly unwatched. */
    private static List<String> problems(Device d, int tamperEvents) {
        if (d.spoolProblem().isEmpty() && tamperEvents == 0) {
            return d.capabilities().problems();
        }
        List<String> all = new java.util.ArrayList<>(d.capabilities().problems());
        if (!d.spoolProblem().isEmpty()) {
            all.add("spool write failing: " + d.spoolProblem() + " (new alerts are held in memory on the device)");
        }
        if (tamperEvents > 0) {
            all.add(tamperEvents + " tamper event" + (tamperEvents == 1 ? "" : "s") + " in the last 24 h (see tamper events)");
        }
        return all;
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
