package io.vigil.filter;

import static io.vigil.filter.Policies.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecideTest {

    /** Wednesday 2 December 2026, 10:00 in London: school hours. */
    static final Instant SCHOOL_TIME = at("2026-12-02T10:00");
    static final Instant EVENING = at("2026-12-02T19:00");
    static FilterPolicy policy;

    @BeforeAll
    static void load() throws PolicyException {
        policy = Policies.school();
    }

    @ParameterizedTest(name = "{0} as {1} → {2} {3}")
    @CsvSource(nullValues = "-", textBlock = """
            porn.example,           alice, BLOCK,    pornography
            WWW.PORN2.EXAMPLE.,     alice, BLOCK,    pornography
            sub.porn.example,       sam,   BLOCK,    pornography
            localhost,              alice, ALLOW,    -
            gaming.example,         alice, BLOCK,    gaming
            gaming.example,         sam,   ALLOW,    -
            adblockstyle.example,   alice, BLOCK,    gaming
            a.minecraft.example,    alice, BLOCK,    gaming
            minecraft.example,      alice, ALLOW,    -
            exactgame.example,      alice, BLOCK,    gaming
            www.exactgame.example,  alice, ALLOW,    -
            social.example,         alice, BLOCK,    social
            selfharm.example,       sam,   ALLOW,    -
            selfharm.example,       alice, BLOCK,    self_harm
            dns.google,             sam,   BLOCK,    bypass
            chatgpt.com,            alice, BLOCK,    ai_tools
            copilot.microsoft.com,  alice, ALLOW,    -
            use-application-dns.net, sam,  NXDOMAIN, -
            bbc.co.uk,              alice, ALLOW,    -
            """)
    void decidesByGroupCategoryAndPattern(String domain, String user, Action action, String category) {
        Decision d = policy.decide(domain, user, SCHOOL_TIME);
        assertEquals(action, d.action(), d.toString());
        assertEquals(category, d.category(), d.toString());
    }

    @Test
    void ks1AndStaffDiffer() {
        assertTrue(policy.decide("gaming.example", "alice", EVENING).blocked());
        assertFalse(policy.decide("gaming.example", "sam", EVENING).blocked());
    }

    @Test
    void timeRuleFlipsAtItsBoundary() {
        assertFalse(policy.decide("gaming.example", null, at("2026-12-02T08:29:59")).blocked());
        assertTrue(policy.decide("gaming.example", null, at("2026-12-02T08:30")).blocked());
        assertTrue(policy.decide("gaming.example", null, at("2026-12-02T15:29:59")).blocked());
        assertFalse(policy.decide("gaming.example", null, at("2026-12-02T15:30")).blocked());
        assertFalse(policy.decide("gaming.example", null, at("2026-12-05T10:00")).blocked(), "Saturday");
    }

    @Test
    void schoolHoursFollowBritishSummerTime() {
        // 07:45 UTC on 1 July is 08:45 BST: inside school hours although 07:45 is before 08:30.
        assertTrue(policy.decide("gaming.example", null, Instant.parse("2026-07-01T07:45:00Z")).blocked());
    }

    @Test
    void groupAllowExceptionBeatsCategory() {
        assertFalse(policy.decide("scratch.gaming.example", null, SCHOOL_TIME).blocked());
        assertTrue(policy.decide("gaming.example", null, SCHOOL_TIME).blocked());
    }

    @Test
    void illegalEntryStaysBlockedDespiteAllowGrantAndGroup() {
        // both.example is on the gaming list, allowed globally, and dsl1 holds a gaming grant: still blocked.
        Decision d = policy.decide("both.example", "dsl1", at("2026-12-02T12:00"));
        assertEquals(Action.BLOCK, d.action());
        assertEquals(Category.ILLEGAL, d.category());
        assertTrue(d.highRisk());
        assertEquals(Action.BLOCK, policy.decide("terror.example", "sam", SCHOOL_TIME).action());
        assertTrue(policy.notices().stream().anyMatch(n -> n.contains("allow both.example has no effect")),
                policy.notices().toString());
    }

    @Test
    void grantOpensItsCategoryForTheNominatedUserUntilItExpires() {
        assertTrue(policy.decide("gaming.example", "someone", SCHOOL_TIME).blocked());
        assertFalse(policy.decide("gaming.example", "dsl1", SCHOOL_TIME).blocked(), "dsl1 is in ks1, granted gaming");
        assertTrue(policy.decide("social.example", "dsl1", SCHOOL_TIME).blocked(), "the grant is for gaming only");
        assertTrue(policy.decide("gaming.example", "dsl1", Instant.parse("2026-12-02T17:00:00Z")).blocked(), "expired");
        assertTrue(policy.isNominated("DSL1"));
    }

    @Test
    void suspendedUserLosesEverythingUntilExpiry() {
        Decision d = policy.decide("bbc.co.uk", "Bob", SCHOOL_TIME);
        assertEquals(Action.BLOCK, d.action());
        assertEquals(Category.SUSPENDED, d.category());
        assertEquals("suspended", d.group());
        assertFalse(policy.decide("bbc.co.uk", "bob", Instant.parse("2026-12-05T15:30:00Z")).blocked());
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            www.google.com,        alice, forcesafesearch.google.com
            google.co.uk,          alice, forcesafesearch.google.com
            www.google.com.au,     alice, forcesafesearch.google.com
            www.google.de,         alice, forcesafesearch.google.com
            www.bing.com,          alice, strict.bing.com
            duckduckgo.com,        alice, safe.duckduckgo.com
            www.youtube.com,       alice, restrict.youtube.com
            m.youtube.com,         nobody, restrictmoderate.youtube.com
            """)
    void safeSearchRewritesPerGroup(String domain, String user, String target) {
        Decision d = policy.decide(domain, user, SCHOOL_TIME);
        assertEquals(Action.REWRITE, d.action());
        assertEquals(target, d.rewriteTo());
    }

    @Test
    void staffSearchIsNotRewritten() {
        assertEquals(Action.ALLOW, policy.decide("www.google.com", "sam", SCHOOL_TIME).action());
        assertEquals(Action.ALLOW, policy.decide("mail.google.com", "alice", SCHOOL_TIME).action());
    }

    @Test
    void bypassBlocksAreFlaggedAndCanaryIsNot() {
        assertTrue(policy.decide("mozilla.cloudflare-dns.com", "alice", SCHOOL_TIME).bypassAttempt());
        assertFalse(policy.decide("use-application-dns.net", "alice", SCHOOL_TIME).bypassAttempt());
    }

    @Test
    void blockReasonIsPlainWords() {
        assertEquals("gaming sites are blocked for ks2 during school-hours",
                policy.decide("gaming.example", null, SCHOOL_TIME).reason());
    }

    @Test
    void urlEntriesOfIllegalListsAreReportedAsLimits() {
        assertEquals(1, policy.limits().size(), policy.limits().toString());
        PolicyLimit limit = policy.limits().get(0);
        assertEquals("iwf.txt", limit.file());
        assertEquals(2, limit.line());
        assertTrue(limit.explanation().contains("not enforced"));
        assertFalse(policy.decide("imagehost.example", "alice", SCHOOL_TIME).blocked(),
                "a URL entry must not block its whole host");
    }

    @Test
    void builtInDefaultBlocksBypassAndKeepsCanaryOff() {
        FilterPolicy d = FilterPolicy.builtInDefault();
        assertEquals(Action.BLOCK, d.decide("dns.google", null, SCHOOL_TIME).action());
        assertEquals(Action.NXDOMAIN, d.decide("use-application-dns.net", null, SCHOOL_TIME).action());
        assertEquals(Action.REWRITE, d.decide("www.google.co.uk", null, SCHOOL_TIME).action());
    }
}
