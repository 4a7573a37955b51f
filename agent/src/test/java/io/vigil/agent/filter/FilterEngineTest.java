package io.vigil.agent.filter;

import static io.vigil.agent.filter.TestPolicies.wednesday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.testing.MutableClock;
import io.vigil.agent.testing.RecordingFilterListener;
import io.vigil.filter.Action;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterEngineTest {

    @TempDir
    Path state;

    final MutableClock clock = new MutableClock(wednesday("10:00"));
    final RecordingFilterListener records = new RecordingFilterListener();

    private FilterEngine engine() {
        return FilterEngine.builtIn(clock, () -> "alice", records);
    }

    private static PolicyDocument school(String version) {
        Map<String, String> files = new HashMap<>(TestPolicies.LISTS);
        files.put("school.vfp", TestPolicies.SCHOOL);
        return new PolicyDocument(version, "school.vfp", files);
    }

    @Test
    void firstStartEnforcesTheBuiltInDefault() {
        FilterEngine engine = engine();
        assertEquals("builtin", engine.version());
        assertEquals(Action.BLOCK, engine.decide("dns.google").action());
        assertEquals(Action.NXDOMAIN, engine.decide("use-application-dns.net").action());
    }

    @Test
    void anAppliedPolicyIsInForceAtOnce() {
        FilterEngine engine = engine();
        assertTrue(engine.apply(school("v7")).ok());
        assertEquals("v7", engine.version());
        assertEquals(Action.BLOCK, engine.decide("gaming.example").action(), "alice is ks1");
    }

    @Test
    void theGroupFollowsTheSignedInUserAtEachLookUp() {
        var current = new io.vigil.agent.capture.session.CurrentUser("alice");
        FilterEngine engine = FilterEngine.builtIn(clock, current::get, records);
        engine.apply(school("v7"));
        assertEquals(Action.BLOCK, engine.decide("gaming.example").action(), "alice is ks1");
        current.signedIn("sam");
        assertEquals(Action.ALLOW, engine.decide("gaming.example").action(), "sam is staff");
    }

    @Test
    void aBrokenUpdateIsRefusedWithFileAndLineAndNeverReplacesTheLastGood() {
        FilterEngine engine = engine();
        engine.apply(school("v7"));
        PolicyDocument broken = new PolicyDocument("v8", "school.vfp", Map.of("school.vfp", TestPolicies.SCHOOL));
        PolicyApplied result = engine.apply(broken);
        assertFalse(result.ok());
        assertTrue(result.error().startsWith("school.vfp:6: list file \"lists/porn.hosts\" not found"), result.error());
        assertEquals("v7", engine.version());
    }

    @Test
    void highRiskBlockRaisesAnAlertAndEveryBlockIsAnEvent() {
        FilterEngine engine = engine();
        engine.apply(school("v7"));
        engine.decide("selfharm.example");
        assertEquals(1, records.events.size());
        assertEquals("self_harm", records.events.get(0).category());
        assertEquals("ks1", records.events.get(0).group());
        assertEquals(FilterAlert.Kind.HIGH_RISK_BLOCK, records.alerts.get(0).kind());
    }

    @Test
    void lookupsOfOneVisitAreRecordedOnce() {
        FilterEngine engine = engine();
        engine.apply(school("v7"));
        for (int i = 0; i < 3; i++) {
            engine.decide("gaming.example"); // A, AAAA, HTTPS
        }
        assertEquals(1, records.events.size());
        clock.set(wednesday("10:01"));
        engine.decide("gaming.example");
        assertEquals(2, records.events.size(), "a later visit is a new event");
    }

    @Test
    void theRootNameIsDecidedButNeverRecorded() {
        FilterEngine engine = engine();
        assertEquals(Action.ALLOW, engine.decide(".").action());
        engine.flushAllBrowsing();
        assertTrue(records.browsing.isEmpty(), "a browsing summary cannot hold an empty domain");
    }

    @Test
    void reviewRequestNamesTheBlockAndIsBounded() {
        FilterEngine engine = engine();
        engine.apply(school("v7"));
        engine.decide("gaming.example");
        engine.requestReview("gaming.example", "for my\nhomework " + "x".repeat(600));
        assertEquals("gaming", records.reviews.get(0).category());
        assertEquals(500, records.reviews.get(0).comment().length());
        assertFalse(records.reviews.get(0).comment().contains("\n"));
    }
}
