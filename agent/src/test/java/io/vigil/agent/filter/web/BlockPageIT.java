package io.vigil.agent.filter.web;

import static io.vigil.agent.filter.TestPolicies.wednesday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.filter.BypassAlerts;
import io.vigil.agent.filter.FilterEngine;
import io.vigil.agent.filter.TestPolicies;
import io.vigil.agent.testing.Http;
import io.vigil.agent.testing.MutableClock;
import io.vigil.agent.testing.RecordingFilterListener;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real block page on a loopback port, asked the way a browser asks after DNS sent it there. */
class BlockPageIT {

    final RecordingFilterListener records = new RecordingFilterListener();
    FilterEngine engine;
    BlockPageServer page;

    @BeforeEach
    void start() throws Exception {
        engine = new FilterEngine("test", TestPolicies.school(), new MutableClock(wednesday("10:00")), () -> "alice",
                records, new BypassAlerts(3, Duration.ofHours(1)));
        page = BlockPageServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), engine);
    }

    @AfterEach
    void stop() {
        page.close();
    }

    @Test
    void showsCategoryAndReasonInPlainWords() throws Exception {
        engine.decide("gaming.example");
        Http.Response r = Http.request(page.address(), "GET", "gaming.example:80", "/some/page", null);
        assertEquals(403, r.status());
        assertTrue(r.body().contains("<strong>gaming.example</strong> is blocked"), r.body());
        assertTrue(r.body().contains("<dd>gaming</dd>"), r.body());
        assertTrue(r.body().contains("gaming sites are blocked for ks1"), r.body());
        assertTrue(r.body().contains("Ask for a review"));
    }

    @Test
    void askForAReviewBecomesAReviewRequest() throws Exception {
        engine.decide("gaming.example");
        Http.Response r = Http.request(page.address(), "POST", "gaming.example", "/vigil/review",
                "domain=gaming.example&comment=it%27s+for+my+coding+club");
        assertEquals(200, r.status(), r.body());
        assertEquals(1, records.reviews.size());
        assertEquals("gaming.example", records.reviews.get(0).domain());
        assertEquals("gaming", records.reviews.get(0).category());
        assertEquals("alice", records.reviews.get(0).user());
        assertEquals("it's for my coding club", records.reviews.get(0).comment());
    }

    @Test
    void aReviewOfSomethingThisDeviceDidNotBlockIsRefused() throws Exception {
        Http.Response r = Http.request(page.address(), "POST", "evil.example", "/vigil/review",
                "domain=bbc.co.uk&comment=spam");
        assertEquals(400, r.status());
        assertTrue(records.reviews.isEmpty());
    }

    @Test
    void valuesAreEscaped() throws Exception {
        Http.Response r = Http.request(page.address(), "GET", "<script>x</script>", "/", null);
        assertFalse(r.body().contains("<script>"), r.body());
    }
}
