package io.vigil.agent.notice;

import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.NoticeAcceptanceRecord;
import io.vigil.agent.policy.MonitoringGroup;
import io.vigil.agent.policy.NoticeTexts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring notice: which one a user sees, and the first time they accept each version. That first
 * acceptance is spooled as a {@link NoticeAcceptanceRecord} (durable, delivered like alerts) and then noted
 * on the device, so the user is not asked again and nothing is sent twice.
 *
 * <p>The record's uuid is derived from device, user and version rather than random: if the agent stops
 * between spooling and noting, the user is asked again and a second record may be spooled, but it carries
 * the same uuid and the console keeps one.
 */
public final class NoticeService {

    private static final Logger log = LoggerFactory.getLogger(NoticeService.class);

    private final NoticeTexts texts;
    private final Function<String, MonitoringGroup> groupOf;
    private final AcceptanceLog accepted;
    private final Consumer<? super DeviceRecord> spool;
    private final Clock clock;
    private final String deviceId;

    public NoticeService(NoticeTexts texts, Function<String, MonitoringGroup> groupOf, AcceptanceLog accepted,
                         Consumer<? super DeviceRecord> spool, Clock clock, String deviceId) {
        this.texts = texts;
        this.groupOf = groupOf;
        this.accepted = accepted;
        this.spool = spool;
        this.clock = clock;
        this.deviceId = deviceId;
    }

    public NoticeTexts.Notice noticeFor(String user) {
        return texts.noticeFor(groupOf.apply(user));
    }

    /** Whether {@code user} has yet to accept the notice version now in force for their group. */
    public boolean needsAcceptance(String user) {
        return !accepted.hasAccepted(user, noticeFor(user).version());
    }

    /**
     * Records that {@code user} accepted the current notice. Only the first acceptance of a version is sent.
     *
     * @return true if this was the first acceptance (a record was spooled)
     */
    public synchronized boolean accept(String user) {
        NoticeTexts.Notice notice = noticeFor(user);
        if (accepted.hasAccepted(user, notice.version())) {
            return false;
        }
        Instant now = clock.instant();
        spool.accept(new NoticeAcceptanceRecord(uuidFor(user, notice.version()), user, notice.version(),
                notice.group().id(), now));
        accepted.record(user, notice.version(), now);
        log.info("monitoring notice {} accepted (group {})", notice.version(), notice.group().id());
        return true;
    }

    private UUID uuidFor(String user, String version) {
        return UUID.nameUUIDFromBytes(("vigil-notice\0" + deviceId + "\0" + user + "\0" + version)
                .getBytes(StandardCharsets.UTF_8));
    }
}
