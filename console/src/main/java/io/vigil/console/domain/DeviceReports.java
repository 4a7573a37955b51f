package io.vigil.console.domain;

/**
 * Told when a device reports, for its health: a Hello ends any "not reporting" silence, a heartbeat's figures
 * are kept for the device page. Implemented by the fleet's health bookkeeping.
 */
public interface DeviceReports {

    DeviceReports NONE = new DeviceReports() {
        @Override
        public void reported(String deviceId) {
        }

        @Override
        public void figures(String deviceId, HeartbeatFigures figures) {
        }
    };

    void reported(String deviceId);

    void figures(String deviceId, HeartbeatFigures figures);
}
