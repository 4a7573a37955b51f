package io.vigil.console.web.view;

import java.util.List;

/** What the device list, device page and token page show. Times are already formatted for people. */
public final class FleetViews {

    private FleetViews() {
    }

    /** @param state "active", "not_reporting" or "revoked" (for the badge's class) */
    public record DeviceRow(String id, String hostname, String school, String stateId, String stateLabel,
                            String lastSeen, String agentVersion, String os, long spoolDepth, int problemCount) {
    }

    public record Devices(String username, List<DeviceRow> devices, List<ItAlertRow> openAlerts, String silentAfter) {
    }

    public record ItAlertRow(String deviceId, String hostname, String what, String raisedAt, String clearedAt) {
    }

    public record Fact(String term, String value) {
    }

    /**
     * @param lists        the keyword-list version the device runs and its last list error: filled in by list
     *                     publishing (branch "lists"); until then only what the heartbeat reports
     * @param mayRevoke    whether the viewer holds devices.manage
     * @param notice       a sentence after an action ("Device revoked"), or null
     */
    public record Device(String username, String id, String hostname, String stateId, String stateLabel,
                         List<Fact> facts, List<String> capabilities, List<String> missing, List<Fact> health,
                         List<Fact> lists, List<ItAlertRow> itAlerts, boolean mayRevoke, boolean revoked,
                         String notice) {
    }

    public record TokenRow(long id, String school, String createdBy, String createdAt, String expiresAt, int uses,
                           String stateId, String stateLabel, boolean revocable) {
    }

    public record SchoolOption(long id, String name) {
    }

    /**
     * @param newToken the secret of a token just made, shown this once; null otherwise
     * @param problem  why the last request failed, or null
     */
    public record Tokens(String username, List<TokenRow> tokens, List<SchoolOption> schools, String newToken,
                         String problem) {
    }
}
