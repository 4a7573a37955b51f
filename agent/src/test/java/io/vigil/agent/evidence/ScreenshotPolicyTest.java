package io.vigil.agent.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.Screenshot;
import io.vigil.agent.config.CaptureSettings;
import io.vigil.agent.testing.Alerts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScreenshotPolicyTest {

    private static CaptureSettings settings(Set<String> categories, int minSeverity, Set<String> never) {
        return new CaptureSettings(true, true, Duration.ofSeconds(1), List.of(), Set.of(), categories, minSeverity,
                never);
    }

    private static AlertRecord alert(String category, int severity) {
        AlertRecord a = Alerts.sample(category);
        return new AlertRecord(a.uuid(), category, severity, a.score(), a.ruleIds(), a.snippet(), a.app(),
                a.windowTitle(), a.url(), a.user(), a.occurredAt(), a.source(), a.listVersion());
    }

    @Test
    void offUnlessTheSchoolOptsIn() {
        ScreenshotPolicy policy = new ScreenshotPolicy(CaptureSettings.DEFAULTS);
        assertFalse(policy.enabled());
        assertFalse(policy.wants(alert("self_harm", 5)));
    }

    @Test
    void onlyOptedInCategoriesAtOrAboveTheSeverity() {
        ScreenshotPolicy policy = new ScreenshotPolicy(settings(Set.of("self_harm"), 4, Set.of()));
        assertTrue(policy.wants(alert("self_harm", 4)));
        assertFalse(policy.wants(alert("self_harm", 3)));
        assertFalse(policy.wants(alert("bullying", 5)));
    }

    @Test
    void neverForSexualCategoriesOrNoImageryOnesEvenWhenAllAreOptedIn() {
        ScreenshotPolicy policy = new ScreenshotPolicy(settings(Set.of(CaptureSettings.ALL), 1, Set.of("abuse")));
        for (String category : List.of("sexual_content", "grooming", "sexting", "adult", "abuse")) {
            assertFalse(policy.wants(alert(category, 5)), category);
        }
        assertTrue(policy.wants(alert("violence_weapons", 2)));
    }

    @Test
    void theAttacherAddsAShotOnlyWhereAllowedAndSendsTheAlertEvenIfTheShotFails() {
        List<AlertRecord> out = new ArrayList<>();
        Screenshot shot = new Screenshot("image/png", new byte[] {1, 2, 3}, 1, 1);
        var policy = new ScreenshotPolicy(settings(Set.of(CaptureSettings.ALL), 4, Set.of()));
        new EvidenceAttacher(policy, () -> shot, out::add).accept(alert("self_harm", 4));
        new EvidenceAttacher(policy, () -> shot, out::add).accept(alert("sexual_content", 5));
        new EvidenceAttacher(policy, () -> {
            throw new IllegalStateException("display gone");
        }, out::add).accept(alert("suicide", 5));
        assertEquals(shot, out.get(0).screenshot().orElseThrow());
        assertTrue(out.get(1).screenshot().isEmpty());
        assertTrue(out.get(2).screenshot().isEmpty());
        assertEquals(3, out.size());
    }

    @Test
    void aScreenshotTooBigForTheHeapCostsTheScreenshotNotTheAlert() {
        List<AlertRecord> out = new ArrayList<>();
        var policy = new ScreenshotPolicy(settings(Set.of(CaptureSettings.ALL), 4, Set.of()));
        new EvidenceAttacher(policy, () -> {
            throw new OutOfMemoryError("Java heap space");
        }, out::add).accept(alert("self_harm", 5));
        assertEquals(1, out.size());
        assertTrue(out.getFirst().screenshot().isEmpty());
    }
}
