package io.vigil.console.domain;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What happens when an authenticated device talks to the console, independent of the wire protocol.
 * Every method returns only after the data is committed, so its result may be acknowledged.
 */
public final class DeviceSessions {

    private final DeviceRepository devices;
    private final AlertRepository alerts;
    private final FilterEventRepository filterEvents;
    private final AlertValidator validator;
    private final ScreenshotRepository screenshots;
    private final Clock clock;

    public DeviceSessions(DeviceRepository devices, AlertRepository alerts, FilterEventRepository filterEvents,
                          AlertValidator validator, ScreenshotRepository screenshots, Clock clock) {
        this.devices = devices;
        this.screenshots = screenshots;
        this.alerts = alerts;
        this.filterEvents = filterEvents;
        this.validator = validator;
        this.clock = clock;
    }

    /** @return the highest sequence already stored for the device, for the Ack that answers Hello */
    public long hello(String deviceId, String user, DeviceFacts facts) {
        devices.recordHello(deviceId, facts, Text.bounded(user, 200), clock.instant());
        return devices.highestStoredSequence(deviceId);
    }

    /**
     * Validates and stores an alert once.
     *
     * @return the sequence that may now be acknowledged
     * @throws InvalidAlertException if the alert is refused; nothing is stored then
     */
    public long alert(String deviceId, NewAlert alert) {
        return alert(deviceId, alert, Optional.empty());
    }

    /**
     * Like {@link #alert(String, NewAlert)}, keeping the screenshot too, unless the alert's category may
     * never have one: then it is dropped here, whatever the agent sent, and never written.
     */
    public long alert(String deviceId, NewAlert alert, Optional<AlertScreenshot> screenshot) {
        Objects.requireNonNull(deviceId);
        validator.validate(alert);
        screenshot.map(AlertScreenshot::problem).ifPresent(problem -> {
            throw new InvalidAlertException("screenshot", problem);
        });
        alerts.storeOnce(alert, clock.instant());
        if (screenshot.isPresent() && AlertScreenshot.allowedFor(alert.category())) {
            screenshots.storeOnce(screenshot.get(), clock.instant());
        }
        return alert.sequence();
    }

    /** What the device can and cannot capture, from its Hello and each Heartbeat. */
    public void capabilities(String deviceId, DeviceCapabilities capabilities) {
        devices.recordCapabilities(deviceId, capabilities);
    }

    /** Same guarantees as {@link #alert}: stored once, committed before the returned sequence is acked. */
    public long filterEvent(FilterEventRecord event) {
        AlertValidator.requireUuid(event.uuid());
        if (event.sequence() <= 0) {
            throw new InvalidAlertException("sequence", "must be greater than 0");
        }
        filterEvents.storeOnce(event, clock.instant());
        return event.sequence();
    }

    public void heartbeat(String deviceId) {
        devices.recordSeen(deviceId, clock.instant());
    }
}
