package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.BrowsingSummary;
import io.vigil.console.domain.ReviewRequest;
import io.vigil.console.domain.Scope;
import io.vigil.console.filtering.FilteringQuery;
import io.vigil.console.policy.FilterOverlay;
import io.vigil.console.policy.NewPolicyChange;
import io.vigil.console.policy.SignedPolicy;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcFilteringReports;
import io.vigil.console.store.jdbc.JdbcOverlayRepository;
import io.vigil.console.store.jdbc.JdbcPolicyRepository;
import io.vigil.console.store.jdbc.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Policy versions, four eyes, overlays and filtering records, whatever database is behind them. */
public interface PolicyAndFilteringContract extends StoreContract {

    private JdbcPolicyRepository policies() {
        return new JdbcPolicyRepository(dataSource());
    }

    private JdbcFilteringReports reports() {
        return new JdbcFilteringReports(dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static NewPolicyChange pending(long school, String document, String by) {
        return new NewPolicyChange(false, "upload", "school.vfp", "why", by, T0, null, Map.of(school, document),
                Map.of(), Map.of(school, java.util.List.of("+ " + document)));
    }

    private static SignedPolicy signed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new SignedPolicy("sha256:" + text.hashCode(), bytes, new byte[] {1, 2, 3}, "ed25519-test");
    }

    @Test
    default void anApprovedChangeBecomesTheOnlyLiveVersionOfItsSchool() {
        device("dev-1", "LAPTOP-01", "Oak");
        long oak = school("Oak");
        long first = policies().addChange(pending(oak, "one", "it"));
        assertTrue(policies().decideChange(first, Map.of(oak, signed("one")), "dsl", T0));
        long second = policies().addChange(pending(oak, "two", "it"));
        assertTrue(policies().live(oak).isPresent());
        assertArrayEquals("one".getBytes(StandardCharsets.UTF_8), policies().live(oak).get().document());
        assertTrue(policies().decideChange(second, Map.of(oak, signed("two")), "dsl", T0));
        assertFalse(policies().decideChange(second, Map.of(oak, signed("two")), "dsl", T0), "decided once");

        assertArrayEquals("two".getBytes(StandardCharsets.UTF_8), policies().liveForDevice("dev-1").get().document());
        var history = policies().history(Scope.of(oak), 10);
        assertEquals("live", history.get(0).status());
        assertEquals("superseded", history.get(1).status());
        assertEquals(Optional.empty(), policies().live(school("Elm")));
        assertEquals(0, policies().history(Scope.of(school("Elm")), 10).size());
    }

    @Test
    default void theDatabaseItselfRefusesARequesterApprovingTheirOwnChange() {
        long oak = school("Oak");
        long change = policies().addChange(pending(oak, "one", "it"));
        assertThrows(StoreException.class, () -> policies().decideChange(change, Map.of(oak, signed("one")), "it", T0));
    }

    @Test
    default void whatADeviceReportsIsKeptAndARefusalKeepsTheRunningVersion() {
        device("dev-1", "LAPTOP-01", "Oak");
        policies().recordApplied("dev-1", "sha256:one", true, null, T0);
        policies().recordApplied("dev-1", "sha256:two", false, "bad signature", T0);
        var status = policies().statuses(everySchool()).get("dev-1");
        assertEquals("sha256:one", status.runningVersion());
        assertTrue(status.error().contains("sha256:two") && status.error().contains("bad signature"), status.error());
    }

    @Test
    default void browsingCountsAreAddedOncePerSummary() {
        device("dev-1", "LAPTOP-01", "Oak");
        var summary = new BrowsingSummary(UUID.randomUUID().toString(), "dev-1", 1, "ash", T0,
                Map.of("bbc.co.uk", 4, "wikipedia.org", 1));
        reports().browsingSummary(summary);
        reports().browsingSummary(summary);
        reports().browsingSummary(new BrowsingSummary(UUID.randomUUID().toString(), "dev-1", 2, "ash", T0,
                Map.of("bbc.co.uk", 3)));
        var query = new FilteringQuery(everySchool(), Optional.of("ash"), Optional.empty(), T0.minusSeconds(1),
                T0.plus(Duration.ofHours(1)), 10);
        var sites = reports().sitesVisited(query);
        assertEquals("bbc.co.uk", sites.get(0).domain());
        assertEquals(7, sites.get(0).requests());
        assertEquals(1, sites.get(1).requests());
        assertEquals(2, new JdbcDeviceRepository(dataSource()).highestStoredSequence("dev-1"));
        assertEquals(0, reports().sitesVisited(new FilteringQuery(Scope.nothing(), Optional.empty(), Optional.empty(),
                T0.minusSeconds(1), T0.plusSeconds(3600), 10)).size(), "an empty scope sees nothing");
    }

    @Test
    default void aResentReviewRequestIsStoredOnce() {
        device("dev-1", "LAPTOP-01", "Oak");
        var request = new ReviewRequest(UUID.randomUUID().toString(), "dev-1", 3, "ash", "history.example",
                "weapons", "for homework", T0);
        reports().reviewRequest(request);
        reports().reviewRequest(request);
        assertEquals(1, reports().reviewRequests(everySchool(), 10).size());
        assertEquals(3, new JdbcDeviceRepository(dataSource()).highestStoredSequence("dev-1"));
    }

    @Test
    default void overlaysInForceAreThoseNotYetExpired() {
        long oak = school("Oak");
        var overlays = new JdbcOverlayRepository(dataSource());
        overlays.add(new FilterOverlay(oak, FilterOverlay.Kind.SUSPENDED, "ash", null, T0.plusSeconds(60), "plan",
                "dsl", T0));
        overlays.add(new FilterOverlay(oak, FilterOverlay.Kind.CATEGORY_ACCESS, "dsl", "gaming", T0.plusSeconds(600),
                "investigation", "dsl", T0));
        assertEquals(2, overlays.active(oak, T0).size());
        assertEquals(1, overlays.active(oak, T0.plusSeconds(60)).size());
        assertEquals("gaming", overlays.active(Scope.of(oak), T0.plusSeconds(60)).getFirst().category());
    }
}
