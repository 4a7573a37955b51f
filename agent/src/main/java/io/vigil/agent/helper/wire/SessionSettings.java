package io.vigil.agent.helper.wire;

import io.vigil.agent.config.CaptureSettings;
import io.vigil.agent.policy.DetectionProfile;
import io.vigil.agent.policy.MonitoringGroup;
import io.vigil.agent.policy.MonitoringScope;
import io.vigil.agent.policy.NoticeTexts;
import io.vigil.agent.policy.SchoolHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The school's settings for one session, between the agent's own types and {@link HelperMessage.Settings}.
 * The service resolves them for the kernel-verified user with the same classes {@code run} uses
 * ({@code GroupMapping}, {@code DetectionProfiles}, {@code NoticeTexts}); the helper turns them back into a
 * {@link MonitoringScope}, {@link CaptureSettings} and {@link DetectionProfile} and wires them as {@code run}
 * does. Only what capture and matching need crosses: no credential, address, spool path or key.
 */
public record SessionSettings(MonitoringGroup group, MonitoringScope scope, CaptureSettings capture,
                              DetectionProfile profile, Optional<NoticeTexts.Notice> notice, boolean help) {

    /** Settings without the help page. */
    public SessionSettings(MonitoringGroup group, MonitoringScope scope, CaptureSettings capture,
                           DetectionProfile profile, Optional<NoticeTexts.Notice> notice) {
        this(group, scope, capture, profile, notice, false);
    }

    /** Service side. @throws IllegalArgumentException when a value breaks a wire limit (named) */
    public HelperMessage.Settings toMessage() {
        List<String> hours = new ArrayList<>();
        scope.hours().days().forEach((day, spans) -> spans.forEach(s -> hours.add(day + " " + s)));
        List<String> categories = profile.categories().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        HelperMessage.Settings message = new HelperMessage.Settings(group.id(),
                scope.whenFor(group).name().toLowerCase(Locale.ROOT), scope.hours().zone().getId(), hours,
                capture.keyboard(), capture.windows(), (int) capture.windowPoll().toMillis(),
                capture.signInTitles().stream().map(Pattern::pattern).toList(),
                capture.signInApps().stream().sorted().toList(), profile.name().id(), profile.minSeverity(),
                categories, profile.thresholdPercent(), notice.isPresent(),
                notice.map(NoticeTexts.Notice::version).orElse(""), notice.map(NoticeTexts.Notice::text).orElse(""),
                capture.screenshotCategories().stream().sorted().toList(), capture.screenshotMinSeverity(),
                capture.noImagery().stream().sorted().toList(), help);
        byte[] body = HelperCodec.encode(message);
        try {
            if (body.length > Frames.MAX_FRAME_BYTES) {
                throw new FrameException(body.length + " bytes, at most " + Frames.MAX_FRAME_BYTES);
            }
            of((HelperMessage.Settings) HelperCodec.decode(body)); // the helper's checks, made where the config is
        } catch (FrameException e) {
            throw new IllegalArgumentException("the school's settings do not fit the helper channel: "
                    + e.getMessage());
        }
        return message;
    }

    /** Helper side. @throws FrameException naming the field that is not a valid setting */
    public static SessionSettings of(HelperMessage.Settings m) throws FrameException {
        try {
            MonitoringGroup group = MonitoringGroup.parse(m.group());
            Map<DayOfWeek, List<SchoolHours.Span>> days = new EnumMap<>(DayOfWeek.class);
            for (String entry : m.hours()) {
                String[] dayAndSpan = entry.split(" ", 2);
                String[] times = dayAndSpan[1].split("-", 2);
                days.computeIfAbsent(DayOfWeek.valueOf(dayAndSpan[0]), d -> new ArrayList<>())
                        .add(new SchoolHours.Span(LocalTime.parse(times[0]), LocalTime.parse(times[1])));
            }
            MonitoringScope scope = new MonitoringScope(Map.of(group, MonitoringScope.When.parse(m.when())),
                    new SchoolHours(ZoneId.of(m.zone()), days));
            if (m.windowPollMillis() < 100 || m.windowPollMillis() > 60_000) {
                throw new IllegalArgumentException("window poll " + m.windowPollMillis() + " ms is outside 100-60000");
            }
            // The screenshot settings let the helper take only what the school asked for; the service checks
            // them again against its own config before keeping a screenshot (the helper is not trusted).
            CaptureSettings capture = new CaptureSettings(m.keyboard(), m.windows(),
                    Duration.ofMillis(m.windowPollMillis()), m.signInTitles().stream()
                    .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList(), Set.copyOf(m.signInApps()),
                    Set.copyOf(m.screenshotCategories()), m.screenshotMinSeverity(), Set.copyOf(m.noImagery()));
            Map<String, Integer> categories = new LinkedHashMap<>();
            for (String c : m.categories()) {
                String[] kv = c.split("=", 2);
                categories.put(kv[0], Integer.parseInt(kv[1]));
            }
            DetectionProfile profile = new DetectionProfile(DetectionProfile.Name.parse(m.profile()), m.minSeverity(),
                    categories, m.thresholdPercent());
            Optional<NoticeTexts.Notice> notice = m.showNotice()
                    ? Optional.of(new NoticeTexts.Notice(group, m.noticeVersion(), m.noticeText())) : Optional.empty();
            return new SessionSettings(group, scope, capture, profile, notice, m.help());
        } catch (RuntimeException e) { // bad enum, time, zone, pattern or number: refuse the whole message
            throw new FrameException("settings: " + e.getMessage());
        }
    }
}
