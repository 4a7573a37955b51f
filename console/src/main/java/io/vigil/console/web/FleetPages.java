package io.vigil.console.web;

import io.vigil.console.domain.EnrolmentToken;
import io.vigil.console.fleet.DeviceRecord;
import io.vigil.console.fleet.DeviceState;
import io.vigil.console.fleet.ItAlert;
import io.vigil.console.web.view.FleetViews;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns fleet records into what the device and token pages show: plain words and UTC times. */
final class FleetPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private FleetPages() {
    }

    static String when(Instant at) {
        return at == null ? "never" : WHEN.format(at);
    }

    static FleetViews.DeviceRow row(DeviceRecord d, DeviceState state) {
        var device = d.device();
        return new FleetViews.DeviceRow(d.id(), device.facts().hostname(), device.schoolName(), state.id(),
                state.label(), when(device.lastSeenAt()), device.facts().agentVersion(),
                (device.facts().osName() + " " + device.facts().osVersion()).strip(), d.figures().spoolDepth(),
                problems(d).size());
    }

    static FleetViews.Device page(String username, DeviceRecord d, DeviceState state, Duration silentAfter,
                                  List<ItAlert> alerts, boolean mayRevoke, String notice) {
        var device = d.device();
        var f = device.facts();
        List<FleetViews.Fact> facts = List.of(
                new FleetViews.Fact("School", device.schoolName()),
                new FleetViews.Fact("State", state.label() + (state == DeviceState.NOT_REPORTING
                        ? " (silent for more than " + hours(silentAfter) + ")" : "")
                        + (d.revokedAt() != null ? " on " + when(d.revokedAt()) + " by " + d.revokedBy() : "")),
                new FleetViews.Fact("Last seen", when(device.lastSeenAt())),
                new FleetViews.Fact("Last user", blank(device.lastUser())),
                new FleetViews.Fact("Operating system", blank((f.osName() + " " + f.osVersion()).strip())),
                new FleetViews.Fact("Model", blank(f.model())),
                new FleetViews.Fact("Agent version", blank(f.agentVersion())),
                new FleetViews.Fact("Enrolled", when(device.enrolledAt())),
                new FleetViews.Fact("Enrolment token", d.tokenId() == null ? "not recorded (enrolled before tokens"
                        + " were recorded)" : "token " + d.tokenId() + ", made " + when(d.tokenCreatedAt())
                        + (d.tokenCreatedBy().isEmpty() ? "" : " by " + d.tokenCreatedBy())),
                new FleetViews.Fact("Device id", d.id()));
        var figures = d.figures();
        List<FleetViews.Fact> health = List.of(
                new FleetViews.Fact("Records waiting on the device (spool depth)", String.valueOf(figures.spoolDepth())),
                new FleetViews.Fact("Records the console refused (kept on the device)",
                        String.valueOf(figures.refusedCount())),
                new FleetViews.Fact("Spool writing", device.spoolProblem().isEmpty() ? "working"
                        : "failing: " + device.spoolProblem() + " (new alerts are held in memory on the device)"),
                new FleetViews.Fact("Filter policy version (reported)", blank(figures.policyVersion())));
        // The spot for list publishing (branch "lists"): the running keyword-list version and the last
        // PolicyApplied error for lists go into this list of facts.
        List<FleetViews.Fact> lists = List.of(
                new FleetViews.Fact("Keyword-list version (reported)", blank(figures.listVersion())));
        return new FleetViews.Device(username, d.id(), f.hostname(), state.id(), state.label(), facts,
                device.capabilities().available(), problems(d), health, lists,
                alerts.stream().map(FleetPages::alert).toList(), mayRevoke && d.revokedAt() == null,
                d.revokedAt() != null, notice);
    }

    static FleetViews.ItAlertRow alert(ItAlert a) {
        String what = ItAlert.NOT_REPORTING.equals(a.kind()) ? "Not reporting: " + a.detail() : a.kind() + ": "
                + a.detail();
        return new FleetViews.ItAlertRow(a.deviceId(), a.hostname(), what, when(a.raisedAt()),
                a.clearedAt() == null ? "" : when(a.clearedAt()));
    }

    static FleetViews.TokenRow token(EnrolmentToken t, Instant now, boolean mayRevoke) {
        var state = t.state(now);
        String label = switch (state) {
            case ACTIVE -> "Active";
            case EXPIRED -> "Expired";
            case REVOKED -> "Revoked " + when(t.revokedAt()) + " by " + t.revokedBy();
        };
        return new FleetViews.TokenRow(t.id(), t.schoolName(), t.createdBy().isEmpty() ? "not recorded"
                : t.createdBy(), when(t.createdAt()), t.expiresAt() == null ? "never" : when(t.expiresAt()),
                t.uses(), state.name().toLowerCase(Locale.ROOT), label,
                mayRevoke && state != EnrolmentToken.State.REVOKED);
    }

    /** Missing capabilities with their reasons, and a spool that cannot write. */
    static List<String> problems(DeviceRecord d) {
        List<String> all = new ArrayList<>(d.device().capabilities().problems());
        if (!d.device().spoolProblem().isEmpty()) {
            all.add("spool write failing: " + d.device().spoolProblem());
        }
        if (d.figures().refusedCount() > 0) {
            all.add(d.figures().refusedCount() + " record(s) refused by the console");
        }
        return all;
    }

    static String hours(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toHours() + " hours";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? "not reported" : s;
    }
}
