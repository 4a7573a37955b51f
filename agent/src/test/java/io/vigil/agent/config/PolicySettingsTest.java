package io.vigil.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.policy.DetectionProfile;
import io.vigil.agent.policy.MonitoringGroup;
import io.vigil.agent.policy.MonitoringScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySettingsTest {

    @TempDir
    Path dir;

    private PolicySettings load(String extra) throws Exception {
        Path file = dir.resolve("agent.properties");
        new ConfigFile(file).write(AgentConfig.enrolled(ConsoleAddress.parse("127.0.0.1:7443"),
                CertificatePin.parse("ab".repeat(32)), "dev-1", "secret", file));
        Files.writeString(file, extra, java.nio.file.StandardOpenOption.APPEND);
        return new ConfigFile(file).load().policy();
    }

    @Test
    void defaultsMonitorEveryoneAlwaysShowTheNoticeAndOfferHelp() throws Exception {
        PolicySettings p = load("");
        for (MonitoringGroup g : MonitoringGroup.values()) {
            assertEquals(MonitoringScope.When.ALWAYS, p.scope().whenFor(g));
        }
        assertTrue(p.showNotice());
        assertTrue(p.help());
        assertEquals(4, p.helpSeverity());
        assertEquals(ZoneId.of("Europe/London"), p.scope().hours().zone());
    }

    @Test
    void aSchoolsPolicyIsRead() throws Exception {
        PolicySettings p = load("""
                group.staff.os_groups = staff, teachers
                group.pupils.users = \\\\d{2}[a-z]+\\\\.[a-z]+
                group.guests.users = exam\\\\d+
                group.default = guests
                monitor.pupils = school_hours
                monitor.staff = never
                school_hours.friday = 08:00-12:00, 13:00-15:00
                school_hours.saturday = 09:00-11:00
                notice.version = 2026-09
                notice.pupils.text = Hello pupils.
                help.severity = 5
                """);
        assertEquals(MonitoringGroup.STAFF, p.groups().groupOf("someone", Set.of("Teachers")));
        assertEquals(MonitoringGroup.PUPILS, p.groups().groupOf("19smith.j", Set.of()));
        assertEquals(MonitoringGroup.GUESTS, p.groups().groupOf("nobody", Set.of()));
        assertEquals(MonitoringScope.When.NEVER, p.scope().whenFor(MonitoringGroup.STAFF));
        assertEquals(2, p.scope().hours().days().get(DayOfWeek.FRIDAY).size());
        // Friday 27 November 2026, 12:30 in London: lunch, outside the configured spans.
        assertFalse(p.scope().covers(MonitoringGroup.PUPILS, Instant.parse("2026-11-27T12:30:00Z")));
        assertTrue(p.scope().covers(MonitoringGroup.PUPILS, Instant.parse("2026-11-28T10:00:00Z")));
        assertEquals("2026-09", p.notices().noticeFor(MonitoringGroup.PUPILS).version());
        assertEquals("Hello pupils.", p.notices().noticeFor(MonitoringGroup.PUPILS).text());
        assertEquals(5, p.helpSeverity());
    }

    @Test
    void badValuesNameTheirKey() {
        assertKeyNamed("monitor.pupils", "monitor.pupils = weekends\n");
        assertKeyNamed("school_hours.monday", "school_hours.monday = 9 till 5\n");
        assertKeyNamed("school_hours.tuesday", "school_hours.tuesday = 16:00-08:00\n");
        assertKeyNamed("school_hours.timezone", "school_hours.timezone = Mars/Olympus\n");
        assertKeyNamed("group.staff.users", "group.staff.users = ([\n");
        assertKeyNamed("group.default", "group.default = parents\n");
        assertKeyNamed("help.severity", "help.severity = 9\n");
        assertKeyNamed("notice.enabled", "notice.enabled = maybe\n");
    }

    @Test
    void detectionProfilesAreReadPerGroupAndYearGroup() throws Exception {
        PolicySettings p = load("""
                detect.group.pupils = ks4
                detect.group.staff = staff
                detect.ks1.os_groups = year1, year2
                detect.ks4.categories = personal_info:4, gambling:off
                detect.staff.min_severity = 4
                detect.ks4.threshold_percent = 150
                """);
        assertEquals(150, p.detection().profiles().get(DetectionProfile.Name.KS4).thresholdPercent());
        assertEquals(75, p.detection().profiles().get(DetectionProfile.Name.KS1).thresholdPercent());
        var ks4 = p.detection().profileOf(MonitoringGroup.PUPILS, Set.of("domain users"));
        assertEquals(DetectionProfile.Name.KS4, ks4.name());
        assertFalse(ks4.alerts("personal_info", 3));
        assertTrue(ks4.alerts("personal_info", 4));
        assertFalse(ks4.alerts("gambling", 5));
        assertTrue(ks4.alerts("filter_bypass", 2), "the school's categories replace the built-in ones");
        var ks1 = p.detection().profileOf(MonitoringGroup.PUPILS, Set.of("year2"));
        assertTrue(ks1.alerts("personal_info", 1), "a year 2 pupil is KS1 whatever the pupils' profile");
        assertFalse(p.detection().profileOf(MonitoringGroup.STAFF, Set.of()).alerts("suicide", 3));
        assertEquals(DetectionProfile.Name.ALL, p.detection().profileOf(MonitoringGroup.GUESTS, Set.of()).name());
    }

    @Test
    void withoutDetectionKeysEveryFindingAlertsForEveryone() throws Exception {
        PolicySettings p = load("");
        for (MonitoringGroup g : MonitoringGroup.values()) {
            assertTrue(p.detection().profileOf(g, Set.of()).alerts("personal_info", 1));
        }
    }

    @Test
    void badDetectionValuesNameTheirKey() {
        assertKeyNamed("detect.group.pupils", "detect.group.pupils = year7\n");
        assertKeyNamed("detect.ks3.min_severity", "detect.ks3.min_severity = 0\n");
        assertKeyNamed("detect.ks1.threshold_percent", "detect.ks1.threshold_percent = 5\n");
        assertKeyNamed("detect.ks4.categories", "detect.ks4.categories = personal_info\n");
        assertKeyNamed("detect.ks4.categories", "detect.ks4.categories = personal_info:never\n");
    }

    private void assertKeyNamed(String key, String line) {
        var e = assertThrows(ConfigException.class, () -> load(line));
        assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    }
}
