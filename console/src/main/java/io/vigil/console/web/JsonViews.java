package io.vigil.console.web;

import io.vigil.console.domain.AlertPage;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.CategoryCatalog;
import io.vigil.console.domain.LanguageCode;
import io.vigil.console.domain.Device;
import io.vigil.console.domain.StoredAlert;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the API. Times are ISO-8601 UTC strings. */
final class JsonViews {

    private JsonViews() {
    }

    /** @param source where the text came from: keyboard, window_title, search_term (a search query), replay */
    record AlertView(String id, String category, String categoryName, int severity, String snippet, String user, String device,
                     String deviceId, long schoolId, String app, String window, String url, List<String> rules,
                     String occurredAt, String status, String source, String language, String languageName) {
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
                      List<UnavailableView> unavailable, List<String> problems, String spoolProblem) {
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
                a.source(), a.language(), LanguageCode.nameForDsl(a.language()));
    }

    static DevicesResponse devices(List<Device> devices) {
        return new DevicesResponse(devices.stream().map(d -> new DeviceView(d.id(), d.facts().hostname(), d.schoolId(), d.schoolName(),
                d.lastUser(), d.facts().agentVersion(), iso(d.enrolledAt()), iso(d.lastSeenAt()),
                d.facts().osName(), d.facts().osVersion(), d.facts().model(), d.facts().hardwareId(),
                d.capabilities().available(), d.capabilities().unavailable().entrySet().stream()
                        .map(e -> new UnavailableView(e.getKey(), e.getValue())).toList(),
                problems(d), d.spoolProblem())).toList());
    }

    /** Capabilities that could not start, and a spool that cannot write: both leave a device partly unwatched. */
    private static List<String> problems(Device d) {
        if (d.spoolProblem().isEmpty()) {
            return d.capabilities().problems();
        }
        List<String> all = new java.util.ArrayList<>(d.capabilities().problems());
        all.add("spool write failing: " + d.spoolProblem() + " (new alerts are held in memory on the device)");
        return all;
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
