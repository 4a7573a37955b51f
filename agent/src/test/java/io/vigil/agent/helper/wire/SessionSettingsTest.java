package io.vigil.agent.helper.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Settings message: what the service resolves for a user survives the socket, within its limits. */
class SessionSettingsTest {

    private static final SchoolHours HOURS = new SchoolHours(ZoneId.of("Europe/London"), Map.of(
            DayOfWeek.MONDAY, List.of(new SchoolHours.Span(LocalTime.of(8, 30), LocalTime.of(12, 0)),
                    new SchoolHours.Span(LocalTime.of(13, 0), LocalTime.of(15, 30)))));

    private static SessionSettings school(CaptureSettings capture, Optional<NoticeTexts.Notice> notice) {
        return new SessionSettings(MonitoringGroup.PUPILS,
                new MonitoringScope(Map.of(MonitoringGroup.PUPILS, MonitoringScope.When.SCHOOL_HOURS), HOURS), capture,
                new DetectionProfile(DetectionProfile.Name.KS4, 2, Map.of("personal_info", 3, "filter_bypass", 6), 90),
                notice);
    }

    private static SessionSettings overTheSocket(SessionSettings s) throws FrameException {
        return SessionSettings.of((HelperMessage.Settings) HelperCodec.decode(HelperCodec.encode(s.toMessage())));
    }

    @Test
    void scopeHoursCaptureProfileAndNoticeSurviveTheRoundTrip() throws Exception {
        CaptureSettings capture = new CaptureSettings(true, false, Duration.ofMillis(750),
                List.of(Pattern.compile("(?i)sign in to .*")), Set.of("keepassxc"), Set.of(), 5, Set.of());
        NoticeTexts.Notice notice = NoticeTexts.DEFAULTS.noticeFor(MonitoringGroup.PUPILS);
        SessionSettings sent = school(capture, Optional.of(notice));
        SessionSettings got = overTheSocket(sent);

        assertEquals(MonitoringGroup.PUPILS, got.group());
        assertEquals(sent.scope().hours(), got.scope().hours());
        assertEquals(MonitoringScope.When.SCHOOL_HOURS, got.scope().whenFor(MonitoringGroup.PUPILS));
        ZonedDateTime mondayLunch = ZonedDateTime.of(2026, 11, 30, 12, 30, 0, 0, ZoneId.of("Europe/London"));
        assertFalse(got.scope().covers(MonitoringGroup.PUPILS, mondayLunch.toInstant()), "lunch is outside the hours");
        assertTrue(got.scope().covers(MonitoringGroup.PUPILS, mondayLunch.plusHours(1).toInstant()));
        assertEquals(sent.profile(), got.profile());
        assertEquals(Optional.of(notice), got.notice());
        assertTrue(got.capture().keyboard());
        assertFalse(got.capture().windows());
        assertEquals(Duration.ofMillis(750), got.capture().windowPoll());
        assertEquals(Set.of("keepassxc"), got.capture().signInApps());
        assertTrue(got.capture().signInTitles().get(0).matcher("SIGN IN TO your account").matches());
    }

    @Test
    void theSchoolsScreenshotAndHelpSettingsReachTheHelper() throws Exception {
        CaptureSettings capture = new CaptureSettings(true, true, Duration.ofSeconds(1), List.of(), Set.of(),
                Set.of("self_harm", "suicide"), 3, Set.of("bullying"));
        SessionSettings got = overTheSocket(new SessionSettings(MonitoringGroup.PUPILS, school(capture,
                Optional.empty()).scope(), capture, DetectionProfile.builtIn(DetectionProfile.Name.ALL),
                Optional.empty(), true));
        assertEquals(Set.of("self_harm", "suicide"), got.capture().screenshotCategories());
        assertEquals(3, got.capture().screenshotMinSeverity());
        assertEquals(Set.of("bullying"), got.capture().noImagery());
        assertTrue(got.help());
        assertFalse(overTheSocket(school(CaptureSettings.DEFAULTS, Optional.empty())).help());
        assertEquals(Set.of(), overTheSocket(school(CaptureSettings.DEFAULTS, Optional.empty())).capture()
                .screenshotCategories(), "no screenshots unless the school opted in");
    }

    @Test
    void neverAndNoNoticeSurviveTheRoundTrip() throws Exception {
        SessionSettings never = new SessionSettings(MonitoringGroup.STAFF,
                new MonitoringScope(Map.of(MonitoringGroup.STAFF, MonitoringScope.When.NEVER), SchoolHours.DEFAULTS),
                CaptureSettings.DEFAULTS, DetectionProfile.builtIn(DetectionProfile.Name.STAFF), Optional.empty());
        SessionSettings got = overTheSocket(never);
        assertEquals(MonitoringScope.When.NEVER, got.scope().whenFor(MonitoringGroup.STAFF));
        assertEquals(Optional.empty(), got.notice());
    }

    @Test
    void aNoticeOverTheLimitIsRefusedWhereTheConfigIsNotOnTheHelper() {
        NoticeTexts.Notice tooLong = new NoticeTexts.Notice(MonitoringGroup.PUPILS, "2026-09",
                "x".repeat(HelperCodec.MAX_NOTICE_TEXT + 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> school(CaptureSettings.DEFAULTS, Optional.of(tooLong)).toMessage());
        assertTrue(e.getMessage().contains("notice_text: 2001 characters, at most 2000"), e.getMessage());
    }

    @Test
    void tooManySignInPatternsAreRefusedNamingTheField() {
        List<Pattern> many = new ArrayList<>(Collections.nCopies(HelperCodec.MAX_PATTERNS + 1, Pattern.compile("a")));
        CaptureSettings capture = new CaptureSettings(true, true, Duration.ofSeconds(1), many, Set.of(), Set.of(), 5,
                Set.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> school(capture, Optional.empty()).toMessage());
        assertTrue(e.getMessage().contains("signin_titles: 17 entries, at most 16"), e.getMessage());
    }

    @Test
    void aMalformedSettingIsRefusedWholeNamingIt() {
        HelperMessage.Settings bad = new HelperMessage.Settings("pupils", "sometimes", "Europe/London", List.of(),
                true, true, 1000, List.of(), List.of(), "all", 1, List.of(), 100, false, "", "");
        FrameException e = assertThrows(FrameException.class,
                () -> SessionSettings.of((HelperMessage.Settings) HelperCodec.decode(HelperCodec.encode(bad))));
        assertTrue(e.getMessage().contains("'sometimes' is not always, school_hours or never"), e.getMessage());
    }

    @Test
    void aSettingsFrameBiggerThanTheFrameLimitIsRefused() {
        // Multi-byte letters: within every character limit, but together over 16 KiB of modified UTF-8.
        String wide = "\u0107".repeat(HelperCodec.MAX_PATTERN);
        List<Pattern> patterns = new ArrayList<>(Collections.nCopies(HelperCodec.MAX_PATTERNS, Pattern.compile(wide)));
        NoticeTexts.Notice notice = new NoticeTexts.Notice(MonitoringGroup.PUPILS, "v",
                "\u20ac".repeat(HelperCodec.MAX_NOTICE_TEXT));
        Set<String> apps = new java.util.HashSet<>();
        for (int i = 0; i < HelperCodec.MAX_APPS; i++) {
            apps.add(Integer.toHexString(i) + wide.substring(1));
        }
        CaptureSettings capture = new CaptureSettings(true, true, Duration.ofSeconds(1), patterns, apps, Set.of(),
                5, Set.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> school(capture, Optional.of(notice)).toMessage());
        assertTrue(e.getMessage().contains("bytes, at most " + Frames.MAX_FRAME_BYTES), e.getMessage());
    }
}
