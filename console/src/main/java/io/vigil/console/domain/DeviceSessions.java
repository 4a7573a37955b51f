package io.vigil.console.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when an authenticated device talks to the console, independent of the wire protocol.
 * Every method returns (or its future completes) only after the data is committed durably, so its result may
 * be acknowledged.
 */
public final class DeviceSessions {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSessions.class);

    private final DeviceRepository devices;
    private final AlertIntake intake;
    private final FilterEventRepository filterEvents;
    private final AlertValidator validator;
    private final NoticeAcceptanceRepository notices;
    private final FilteringReports filteringReports;
    private final TamperEventRepository tamperEvents;
    private final Clock clock;
    private final DeviceReports reports;

    public DeviceSessions(DeviceRepository devices, AlertIntake intake, FilterEventRepository filterEvents,
                          AlertValidator validator, NoticeAcceptanceRepository notices,
                          FilteringReports filteringReports, Clock clock) {
        this(devices, intake, filterEvents, validator, notices, filteringReports, NO_TAMPER_STORE, clock,
                DeviceReports.NONE);
    }

    public DeviceSessions(DeviceRepository devices, AlertIntake intake, FilterEventRepository filterEvents,
                          AlertValidator validator, NoticeAcceptanceRepository notices,
                          FilteringReports filteringReports, TamperEventRepository tamperEvents, Clock clock,
                          DeviceReports reports) {
        this.tamperEvents = tamperEvents;
        this.reports = reports;
        this.devices = devices;
        this.intake = intake;
        this.notices = notices;
        this.filteringReports = filteringReports;
        this.filterEvents = filterEvents;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * @return the highest sequence already stored for the device, for the Ack that answers Hello, and the
     *     base for {@link SequenceBounds} in the session that follows
     */
    public long hello(String deviceId, String user, DeviceFacts facts) {
        devices.recordHello(deviceId, facts, Text.bounded(user, 200), clock.instant());
        reports.reported(deviceId);
        return devices.highestStoredSequence(deviceId);
    }

    /**
     * Validates an alert and queues it for the next group commit, keeping the screenshot too unless the
     * alert's category may never have one (then it is dropped, whatever the agent sent, and never written) or
     * the image is unusable. Evidence is optional, the alert is not.
     *
     * @param highestKnown the highest sequence stored or accepted for the device so far in this session
     * @return completes when the alert is durably stored (then its sequence may be acknowledged), with whether
     *     the screenshot was kept
     * @throws InvalidAlertException if the alert is refused; nothing is stored then
     */
    public CompletableFuture<Boolean> alert(String deviceId, NewAlert alert, Optional<AlertScreenshot> screenshot,
                                            long highestKnown) {
        Objects.requireNonNull(deviceId);
        validator.validate(alert);
        SequenceBounds.check(highestKnown, alert.sequence());
        Instant now = clock.instant();
        Instant occurred = OccurrenceTime.clamp(alert.occurredAt(), now);
        if (!occurred.equals(alert.occurredAt())) {
            LOG.warn("Alert {} from device {} said it happened at {}, after the console's time {}; stored as {}. "
                    + "Check the device's clock.", alert.uuid(), Text.forLog(deviceId), alert.occurredAt(), now, now);
        }
        return intake.submit(alert.withOccurredAt(occurred), screenshot);
    }

    /**
     * Runs the action once the alerts stored with the one whose completion is running now are all complete
     * (see {@link AlertIntake#afterBatch}); at once otherwise.
     */
    public void afterStoredBatch(Runnable action) {
        intake.afterBatch(action);
    }

    /** What the device can and cannot capture, from its Hello and each Heartbeat. */
    public void capabilities(String deviceId, DeviceCapabilities capabilities) {
        devices.recordCapabilities(deviceId, capabilities);
    }

    /** Stored once and durably committed before the returned sequence may be acked. */
    public long filterEvent(FilterEventRecord event, long highestKnown) {
        requireKey(event.uuid(), event.sequence(), highestKnown);
        filterEvents.storeOnce(event, clock.instant());
        return event.sequence();
    }

    /** Stored once per uuid, committed before the returned sequence is acked. */
    public long noticeAcceptance(NoticeAcceptance acceptance, long highestKnown) {
        requireKey(acceptance.uuid(), acceptance.sequence(), highestKnown);
        if (Text.isBlank(acceptance.user())) {
            throw new InvalidAlertException("user", "must not be empty");
        }
        if (Text.isBlank(acceptance.noticeVersion())) {
            throw new InvalidAlertException("notice_version", "must not be empty");
        }
        notices.storeOnce(acceptance, clock.instant());
        return acceptance.sequence();
    }

    /** Added to the per-hour counts once per summary; acknowledged once it returns. */
    public long browsingSummary(BrowsingSummary summary, long highestKnown) {
        requireKey(summary.uuid(), summary.sequence(), highestKnown);
        filteringReports.browsingSummary(summary);
        return summary.sequence();
    }

    /** Stored once per uuid; acknowledged once it returns. */
    public long reviewRequest(ReviewRequest request, long highestKnown) {
        requireKey(request.uuid(), request.sequence(), highestKnown);
        if (request.comment().length() > 500) {
            throw new InvalidAlertException("comment", "must be at most 500 characters");
        }
        filteringReports.reviewRequest(request);
        return request.sequence();
    }

    /** Stored once per uuid; acknowledged once it returns. */
    public long tamperEvent(TamperEvent event, long highestKnown) {
        requireKey(event.uuid(), event.sequence(), highestKnown);
        if (!TamperEvent.KINDS.contains(event.kind())) {
            throw new InvalidAlertException("kind", "must be one of " + new java.util.TreeSet<>(TamperEvent.KINDS));
        }
        Instant now = clock.instant();
        TamperEvent bounded = new TamperEvent(event.uuid(), event.deviceId(), event.sequence(), event.kind(),
                Text.bounded(event.detail(), 500), Text.bounded(event.user(), 200),
                OccurrenceTime.clamp(event.occurredAt(), now));
        if (tamperEvents.storeOnce(bounded, now)) {
            LOG.warn("Device {} reports tampering: {} ({})", Text.forLog(event.deviceId()), event.kind(),
                    Text.forLog(bounded.detail()));
        }
        return event.sequence();
    }

    /**
     * For consoles wired without a tamper store (older tests): refused as invalid, so the device keeps the
     * record set aside and says so, rather than the console acknowledging something it threw away.
     */
    private static final TamperEventRepository NO_TAMPER_STORE = new TamperEventRepository() {
        @Override
        public boolean storeOnce(TamperEvent event, Instant receivedAt) {
            throw new InvalidAlertException("tamper_event", "this console keeps no tamper events");
        }

        @Override
        public java.util.List<StoredTamperEvent> recent(Scope scope, int limit) {
            return java.util.List.of();
        }

        @Override
        public java.util.Map<String, Integer> countsSince(Scope scope, Instant since) {
            return java.util.Map.of();
        }
    };

    /** What every spooled record needs to be stored once and acknowledged: a uuid and a sequence in bounds. */
    private static void requireKey(String uuid, long sequence, long highestKnown) {
        AlertValidator.requireUuid(uuid);
        SequenceBounds.check(highestKnown, sequence);
    }

    public void heartbeat(String deviceId) {
        devices.recordSeen(deviceId, clock.instant());
    }

    /** Spool depth, refused records and running versions, from a heartbeat, for the device page. */
    public void heartbeatFigures(String deviceId, HeartbeatFigures figures) {
        reports.figures(deviceId, figures);
    }

    /** Why the device's spool cannot write, as its heartbeat says; empty when it can. */
    public void spoolProblem(String deviceId, String problem) {
        String bounded = Text.bounded(problem, 500);
        devices.recordSpoolProblem(deviceId, bounded);
        if (!bounded.isEmpty()) {
            LOG.warn("Device {} cannot write its spool ({}); it holds new alerts in memory", Text.forLog(deviceId),
                    Text.forLog(bounded));
        }
    }
}
