package io.vigil.agent.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vigil.agent.alert.AlertRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpoolingFilterListenerTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void highRiskBlockBecomesAFilterAlertWithTheDomainAsUrl() {
        AlertRecord a = SpoolingFilterListener.toAlert(new FilterAlert(FilterAlert.Kind.HIGH_RISK_BLOCK, "alice",
                "selfharm.example", "self_harm", "self harm sites are blocked for ks1", 1, AT), "v7");
        assertEquals("self_harm", a.category());
        assertEquals(4, a.severity());
        assertEquals("filter", a.source());
        assertEquals("selfharm.example", a.url());
        assertEquals(List.of("filter.self_harm"), a.ruleIds());
        assertEquals("filter-policy v7", a.listVersion());
    }

    @Test
    void illegalIsTheHighestSeverityAndBypassIsItsOwnCategory() {
        assertEquals(5, SpoolingFilterListener.toAlert(new FilterAlert(FilterAlert.Kind.HIGH_RISK_BLOCK, "alice",
                "x.example", "illegal", "on the iwf list", 1, AT), "v").severity());
        AlertRecord bypass = SpoolingFilterListener.toAlert(new FilterAlert(FilterAlert.Kind.REPEATED_BYPASS, "alice",
                "nordvpn.com", "bypass", "3 attempts", 3, AT), "v");
        assertEquals("filter_bypass", bypass.category());
        assertEquals(3, bypass.score());
    }
}
