package io.vigil.agent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.policy.DetectionProfile.Name;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DetectionProfilesTest {

    @Test
    void youngerProfilesAlertOnWhatOlderOnesIgnore() {
        // personal_info at 2: a KS1 or KS2 pupil sharing a handle alerts, a KS4 pupil doing the same does not.
        assertTrue(DetectionProfile.builtIn(Name.KS1).alerts("personal_info", 2));
        assertTrue(DetectionProfile.builtIn(Name.KS2).alerts("bullying", 1));
        assertFalse(DetectionProfile.builtIn(Name.KS3).alerts("bullying", 1));
        assertTrue(DetectionProfile.builtIn(Name.KS3).alerts("personal_info", 2));
        assertFalse(DetectionProfile.builtIn(Name.KS4).alerts("personal_info", 2));
        assertTrue(DetectionProfile.builtIn(Name.KS4).alerts("personal_info", 3));
        assertFalse(DetectionProfile.builtIn(Name.STAFF).alerts("filter_bypass", 5));
        assertFalse(DetectionProfile.builtIn(Name.STAFF).alerts("suicide", 2));
        assertTrue(DetectionProfile.builtIn(Name.STAFF).alerts("suicide", 3));
    }

    @Test
    void imminentRiskAlertsInEveryProfile() {
        for (Name n : Name.values()) {
            for (String category : new String[] {"suicide", "self_harm", "violence_weapons", "abuse", "grooming"}) {
                assertTrue(DetectionProfile.builtIn(n).alerts(category, 5), n + " " + category);
            }
        }
    }

    @Test
    void aYearGroupsProfileWinsOverTheMonitoringGroupsAndTheYoungestWinsATie() {
        DetectionProfiles profiles = new DetectionProfiles(Map.of(), Map.of(MonitoringGroup.PUPILS, Name.KS4),
                Map.of(Name.KS1, Set.of("year1"), Name.KS3, Set.of("year7", "pupils-all")));
        assertEquals(Name.KS4, profiles.profileOf(MonitoringGroup.PUPILS, Set.of("pupils")).name());
        assertEquals(Name.KS3, profiles.profileOf(MonitoringGroup.PUPILS, Set.of("year7")).name());
        assertEquals(Name.KS1, profiles.profileOf(MonitoringGroup.PUPILS, Set.of("pupils-all", "year1")).name());
        assertEquals(Name.ALL, profiles.profileOf(MonitoringGroup.STAFF, Set.of()).name());
    }

    @Test
    void badLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DetectionProfile(Name.KS1, 0, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new DetectionProfile(Name.KS1, 1, Map.of("suicide", 7)));
        assertEquals("'y7' is not a detection profile (all, ks1, ks2, ks3, ks4, staff)",
                assertThrows(IllegalArgumentException.class, () -> Name.parse("y7")).getMessage());
    }

    @Test
    void describeSaysWhatTheProfileLetsThrough() {
        assertEquals("ks4 (from severity 2; filter_bypass from 3, personal_info from 3)",
                DetectionProfile.builtIn(Name.KS4).describe());
        assertEquals("staff (from severity 3; filter_bypass off, personal_info off)",
                DetectionProfile.builtIn(Name.STAFF).describe());
    }

    @Test
    void ks1ScoresAgainstThreeQuartersOfTheListsThresholdsAndBadPercentsAreRefused() {
        assertEquals(75, DetectionProfile.builtIn(Name.KS1).thresholdPercent());
        assertEquals(100, DetectionProfile.builtIn(Name.KS2).thresholdPercent());
        assertEquals("ks1 (from severity 1; thresholds at 75%)", DetectionProfile.builtIn(Name.KS1).describe());
        assertThrows(IllegalArgumentException.class, () -> new DetectionProfile(Name.KS1, 1, Map.of(), 10));
    }
}
