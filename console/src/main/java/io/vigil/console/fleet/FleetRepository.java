package io.vigil.console.fleet;

import io.vigil.console.domain.HeartbeatFigures;
import io.vigil.console.domain.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Devices with their lifecycle and health, IT alerts, and each school's health settings. */
public interface FleetRepository {

    List<DeviceRecord> devices(Scope scope);

    /** The device, if it belongs to a school in {@code scope}. */
    Optional<DeviceRecord> device(String deviceId, Scope scope);

    /** When the device was revoked; empty if it was not (or does not exist). */
    Optional<Instant> revokedAt(String deviceId);

    /** @return false if it was already revoked (the first revocation is kept) or is not in {@code scope} */
    boolean revoke(String deviceId, Scope scope, String by, Instant at);

    void recordFigures(String deviceId, HeartbeatFigures figures);

    Optional<HealthSettings> healthSettings(long schoolId);

    void saveHealthSettings(long schoolId, HealthSettings settings, String by, Instant at);

    /**
     * Raises a {@link ItAlert#NOT_REPORTING} alert for each device of the school, not revoked, last heard before
     * {@code silentBefore}, that has no such alert open.
     *
     * @return the alerts raised now
     */
    List<ItAlert> raiseNotReporting(long schoolId, Instant silentBefore, Instant now);

    /** Clears the device's open alerts of {@code kind}; returns how many. */
    int clear(String deviceId, String kind, Instant at);

    /** Clears open {@code kind} alerts of the school's devices heard from at or after {@code heardSince}. */
    int clearHeardSince(long schoolId, String kind, Instant heardSince, Instant at);

    /** Open and recently cleared IT alerts of the schools in scope, newest first, at most {@code max}. */
    List<ItAlert> itAlerts(Scope scope, boolean openOnly, int max);

    List<ItAlert> itAlertsOf(String deviceId, int max);
}
