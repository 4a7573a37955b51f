package io.vigil.console.domain;

/**
 * What a device's heartbeat says about its health, kept for the device page: records waiting in its spool,
 * records the console refused and the device set aside, and the list and policy versions it runs.
 */
public record HeartbeatFigures(long spoolDepth, long refusedCount, String listVersion, String policyVersion) {

    public HeartbeatFigures {
        spoolDepth = Math.max(0, spoolDepth);
        refusedCount = Math.max(0, refusedCount);
        listVersion = Text.bounded(listVersion == null ? "" : listVersion, 100);
        policyVersion = Text.bounded(policyVersion == null ? "" : policyVersion, 100);
    }

    /** Whether anything but the spool depth differs: those are worth a write at once, the depth can wait. */
    public boolean differsBeyondDepth(HeartbeatFigures other) {
        return other == null || refusedCount != other.refusedCount || !listVersion.equals(other.listVersion)
                || !policyVersion.equals(other.policyVersion);
    }
}
