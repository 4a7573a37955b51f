package io.vigil.agent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GroupMappingTest {

    private static final GroupMapping SCHOOL = new GroupMapping(List.of(
            new GroupRule(MonitoringGroup.PUPILS, List.of(Pattern.compile("\\d{2}[a-z]+\\.[a-z]+", Pattern.CASE_INSENSITIVE)),
                    Set.of("Pupils")),
            new GroupRule(MonitoringGroup.STAFF, List.of(Pattern.compile("[a-z]\\.[a-z]+", Pattern.CASE_INSENSITIVE)),
                    Set.of("staff")),
            new GroupRule(MonitoringGroup.GUESTS, List.of(Pattern.compile("guest\\d*|exam\\d+", Pattern.CASE_INSENSITIVE)),
                    Set.of())), MonitoringGroup.PUPILS);

    @Test
    void usernamePatternsDecideTheGroup() {
        assertEquals(MonitoringGroup.PUPILS, SCHOOL.groupOf("19smith.j", Set.of()));
        assertEquals(MonitoringGroup.STAFF, SCHOOL.groupOf("J.Khan", Set.of()));
        assertEquals(MonitoringGroup.GUESTS, SCHOOL.groupOf("exam07", Set.of()));
    }

    @Test
    void osGroupsDecideTheGroupCaseInsensitively() {
        assertEquals(MonitoringGroup.STAFF, SCHOOL.groupOf("technician", Set.of("users", "STAFF")));
        assertEquals(MonitoringGroup.PUPILS, SCHOOL.groupOf("someone", Set.of("pupils")));
    }

    @Test
    void guestLoginsWinOverOtherGroupsAndStaffOverPupils() {
        assertEquals(MonitoringGroup.GUESTS, SCHOOL.groupOf("guest", Set.of("pupils")), "a generic login is a guest");
        assertEquals(MonitoringGroup.STAFF, SCHOOL.groupOf("j.khan", Set.of("pupils")));
    }

    @Test
    void aUserNoRuleMatchesGetsTheFallbackGroup() {
        assertEquals(MonitoringGroup.PUPILS, SCHOOL.groupOf("unknown-account", Set.of("users")));
        assertEquals(MonitoringGroup.STAFF, new GroupMapping(SCHOOL.rules(), MonitoringGroup.STAFF)
                .groupOf("unknown-account", Set.of()));
    }

    @Test
    void defaultsTreatGenericLoginsAsGuestsAndEveryoneElseAsPupils() {
        GroupMapping d = GroupMapping.DEFAULTS;
        assertEquals(MonitoringGroup.GUESTS, d.groupOf("Guest", Set.of()));
        assertEquals(MonitoringGroup.GUESTS, d.groupOf("visitor-3", Set.of()));
        assertEquals(MonitoringGroup.GUESTS, d.groupOf("exam12", Set.of()));
        assertEquals(MonitoringGroup.STAFF, d.groupOf("mrs.khan", Set.of("teachers")));
        assertEquals(MonitoringGroup.PUPILS, d.groupOf("pupil.one", Set.of()));
        assertEquals(MonitoringGroup.PUPILS, d.groupOf("guestbook.editor", Set.of()), "a pattern matches whole names");
    }
}
