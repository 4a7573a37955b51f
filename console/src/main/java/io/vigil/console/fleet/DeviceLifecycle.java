package io.vigil.console.fleet;

import io.vigil.console.audit.AuditAction;
import io.vigil.console.audit.AuditLog;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.DeviceRevocations;
import io.vigil.console.domain.Scope;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Revoking a device: for a laptop that is lost, stolen or leaving the school. Its live session is cut at once
 * and every later session is refused with a sentence its agent logs; what it already sent stays in the console,
 * and the agent keeps what it had not sent. There is no un-revoke: a device that comes back enrols again.
 */
public final class DeviceLifecycle implements DeviceRevocations {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private final FleetRepository fleet;
    private final SessionCutter sessions;
    private final AuditLog audit;
    private final Clock clock;

    public DeviceLifecycle(FleetRepository fleet, SessionCutter sessions, AuditLog audit, Clock clock) {
        this.fleet = fleet;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws ConsoleException if the device is not one of {@code scope}'s or is already revoked
     * @return the sentence the device's agent is told
     */
    public String revoke(String actor, String deviceId, Scope scope, String reason) {
        DeviceRecord device = fleet.device(deviceId, scope)
                .orElseThrow(() -> new ConsoleException("no such device among your schools"));
        Instant now = clock.instant();
        if (!fleet.revoke(deviceId, scope, actor, now)) {
            throw new ConsoleException("device " + device.device().facts().hostname() + " was already revoked");
        }
        // A revoked device is expected to be silent: its "not reporting" alert would otherwise stay open for ever.
        fleet.clear(deviceId, ItAlert.NOT_REPORTING, now);
        String why = refusal(now);
        boolean live = sessions.cut(deviceId, why);
        audit.record(actor, AuditAction.DEVICE_REVOKE, "device=" + deviceId + " host=" + device.device().facts()
                .hostname() + " school=" + device.device().schoolId() + (live ? " session cut" : " not connected")
                + (reason == null || reason.isBlank() ? "" : " reason=" + reason.strip()));
        return why;
    }

    @Override
    public Optional<String> refusal(String deviceId) {
        return fleet.revokedAt(deviceId).map(DeviceLifecycle::refusal);
    }

    private static String refusal(Instant at) {
        return "device revoked by the school's IT provider on " + DAY.format(at);
    }
}
