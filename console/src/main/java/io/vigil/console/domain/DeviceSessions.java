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
    private final NoticeAcceptanceRepository notices;
    private final FilteringReports filteringReports;
    private final Clock clock;

    /**
     * @param filteringReports where browsing summaries and review requests go; see that seam before passing
     *                         {@link FilteringReports#NOT_KEPT}
     */
    public DeviceSessions(DeviceRepository devices, AlertRepository alerts, FilterEventRepository filterEvents,
                          AlertValidator validator, ScreenshotRepository screenshots,
                          NoticeAcceptanceRepository notices, FilteringReports filteringReports, Clock clock) {
        this.devices = devices;
        this.notices = notices;
        this.filteringReports = filteringReports;
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
        alert(deviceId, alert, Optional.empty());
        return alert.sequence();
    }

    /**
     * Like {@link #alert(String, NewAlert)}, keeping the screenshot too, unless the alert's category may
     * never have one (then it is dropped here, whatever the agent sent, and never written) or the image is
     * unusable. Either way the alert itself is stored: evidence is optional, the alert is not.
     *
     * @return whether the screenshot was kept; the alert's sequence may now be acknowledged either way
     * @throws InvalidAlertException if the alert is refused; nothing is stored then
     */
    public boolean alert(String deviceId, NewAlert alert, Optional<AlertScreenshot> screenshot) {
        Objects.requireNonNull(deviceId);
        validator.validate(alert);
        alerts.storeOnce(alert, clock.instant());
        boolean keep = screenshot.isPresent() && screenshot.get().problem() == null
                && AlertScreenshot.allowedFor(alert.category());
        if (keep) {
            screenshots.storeOnce(screenshot.get(), clock.instant());
        }
        return keep;
    }

    /** What the device can and cannot capture, from its Hello and each Heartbeat. */
    public void capabilities(String deviceId, DeviceCapabilities capabilities) {
        devices.recordCapabilities(deviceId, capabilities);
    }

    /** Same guarantees as {@link #alert}: stored once, committed before the returned sequence is acked. */
    public long filterEvent(FilterEventRecord event) {
        requireKey(event.uuid(), event.sequence());
        filterEvents.storeOnce(event, clock.instant());
        return event.sequence();
    }

    /** Stored once per uuid, committed before the returned sequence is acked. */
    public long noticeAcceptance(NoticeAcceptance acceptance) {
        requireKey(acceptance.uuid(), acceptance.sequence());
        if (Text.isBlank(acceptance.user())) {
            throw new InvalidAlertException("user", "must not be empty");
        }
        if (Text.isBlank(acceptance.noticeVersion())) {
            throw new InvalidAlertException("notice_version", "must not be empty");
        }
        notices.storeOnce(acceptance, clock.instant());
        return acceptance.sequence();
    }

    /** Handed to the {@link FilteringReports} seam; acknowledged once it returns. */
    public long browsingSummary(BrowsingSummary summary) {
        requireKey(summary.uuid(), summary.sequence());
        filteringReports.browsingSummary(summary);
        return summary.sequence();
    }

    /** Handed to the {@link FilteringReports} seam; acknowledged once it returns. */
    public long reviewRequest(ReviewRequest request) {
        requireKey(request.uuid(), request.sequence());
        if (request.comment().length() > 500) {
            throw new InvalidAlertException("comment", "must be at most 500 characters");
        }
        filteringReports.reviewRequest(request);
        return request.sequence();
    }

    /** What every spooled record needs to be stored once and acknowledged: a uuid and a positive sequence. */
    private static void requireKey(String uuid, long sequence) {
        AlertValidator.requireUuid(uuid);
        if (sequence <= 0) {
            throw new InvalidAlertException("sequence", "must be greater than 0");
        }
    }

    public void heartbeat(String deviceId) {
        devices.recordSeen(deviceId, clock.instant());
    }
}
