package io.vigil.console.fleet;

import io.vigil.console.domain.DeviceReports;
import io.vigil.console.domain.HeartbeatFigures;
import java.time.Clock;

/** Keeps what devices report for the device page, and ends a device's silence alert when it reports again. */
public final class DeviceHealth implements DeviceReports {

    private final FleetRepository fleet;
    private final Clock clock;

    public DeviceHealth(FleetRepository fleet, Clock clock) {
        this.fleet = fleet;
        this.clock = clock;
    }

    @Override
    public void reported(String deviceId) {
        fleet.clear(deviceId, ItAlert.NOT_REPORTING, clock.instant());
    }

    @Override
    public void figures(String deviceId, HeartbeatFigures figures) {
        fleet.recordFigures(deviceId, figures);
    }
}
