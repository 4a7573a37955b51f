package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.Actor;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.Scope;
import io.vigil.console.lists.EmergencyReviewCheck;
import io.vigil.console.policy.FilterPolicyPublisher;
import io.vigil.console.policy.PolicyChangeEntry;
import io.vigil.console.policy.PolicyChangeFlow;
import io.vigil.console.policy.PolicyPush;
import io.vigil.console.policy.PublishedPolicy;
import io.vigil.console.policy.SignedPolicy;
import io.vigil.console.policy.VfpPolicyValidator;
import io.vigil.console.store.jdbc.JdbcKeywordListRepository;
import io.vigil.console.store.jdbc.JdbcOverlayRepository;
import io.vigil.console.store.jdbc.JdbcPolicyRepository;
import io.vigil.console.store.jdbc.StoreException;
import io.vigil.console.testing.InMemoryAuditLog;
import io.vigil.console.testing.MutableClock;
import io.vigil.filter.FilterPolicy;
import io.vigil.filter.format.ListSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Filter-policy changes over a real database, on the keyword lists' model: four eyes for one school's change (a
 * leader of it) and a provider-wide one (a second IT provider), the table's own refusal, the shared change log
 * with reason and diff in every affected school, rollback, and emergency domain blocks that are live at once and
 * flagged when nobody reviews them within 24 hours (time moved by a clock, not waited for).
 */
public interface PolicyChangeContract extends StoreContract {

    String POLICY = """
            vigil-filter-policy 1
            category gaming
            domain gaming roblox.com
            group pupils
              block gaming
            group staff
            device-group pupils
            """;

    /** What was pushed, by school device: the sessions' side is exercised end to end by EmergencyDomainBlockIT. */
    final class Pushes implements PolicyPush {
        final List<SignedPolicy> sent = new ArrayList<>();

        @Override
        public int push(Collection<String> deviceIds, SignedPolicy policy) {
            sent.add(policy);
            return deviceIds.size();
        }
    }

    record Fixture(PolicyChangeFlow flow, JdbcPolicyRepository policies, Pushes pushes, MutableClock clock,
                   InMemoryAuditLog audit) {
    }

    private Fixture fixture() {
        var policies = new JdbcPolicyRepository(dataSource());
        var pushes = new Pushes();
        var clock = new MutableClock(T0);
        var audit = new InMemoryAuditLog();
        var publisher = new FilterPolicyPublisher(new VfpPolicyValidator(), KeywordListContract.SigningKey.STORE,
                policies, pushes, new JdbcOverlayRepository(dataSource()), audit, clock);
        return new Fixture(new PolicyChangeFlow(publisher, policies, audit, clock,
                () -> everySchool().schoolIds().stream().sorted().toList()), policies, pushes, clock, audit);
    }

    private static Actor it(String name, long... schools) {
        return new Actor(name, Set.of(Role.IT_PROVIDER), Scope.of(schools));
    }

    private static Actor leader(String name, Role role, long school) {
        return new Actor(name, Set.of(role), Scope.of(school));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean blocks(SignedPolicy policy, String domain) throws Exception {
        return FilterPolicy.parse("policy", new String(policy.document(), StandardCharsets.UTF_8), ListSource.none())
                .decide(domain, "pupil.one", T0).blocked();
    }

    @Test
    default void aSchoolsChangeIsApprovedByALeaderOfThatSchoolNeverByItsRequester() {
        long oak = school("Oak");
        long elm = school("Elm");
        device("dev-1", "LAPTOP-01", "Oak");
        Fixture f = fixture();
        PublishedPolicy proposed = f.flow().propose(it("it.lee", oak), oak, "school.vfp", bytes(POLICY), "block gaming");
        assertEquals("pending", proposed.status());
        assertThrows(ConsoleException.class, () -> f.flow().approve(leader("it.lee", Role.DSL, oak), proposed.id()),
                "the requester, even holding a leader's role");
        assertThrows(ConsoleException.class, () -> f.flow().approve(it("it.sam", oak), proposed.id()));
        assertThrows(ConsoleException.class, () -> f.flow().approve(leader("elm.dsl", Role.DSL, elm), proposed.id()));
        assertTrue(f.pushes().sent.isEmpty(), "nothing pushed before approval");

        PublishedPolicy live = f.flow().approve(leader("mrs.khan", Role.HEADTEACHER, oak), proposed.id());
        assertEquals("live", live.status());
        assertEquals(1, f.pushes().sent.size());
        PolicyChangeEntry logged = f.policies().changeLog(Scope.of(oak), 10).getFirst();
        assertEquals(List.of("it.lee", "mrs.khan", "block gaming"), List.of(logged.requestedBy(), logged.decidedBy(),
                logged.reason()));
        assertTrue(logged.diff().contains("+ domain gaming roblox.com"), logged.diff().toString());
        assertTrue(logged.diff().stream().anyMatch(l -> l.startsWith("- ")), "the built-in default's lines removed");
        assertTrue(f.policies().changeLog(Scope.of(elm), 10).isEmpty(), "another school's log does not show it");
    }

    @Test
    default void aProviderWideChangeNeedsASecondProviderApproverAndShowsInEverySchoolsLog() throws Exception {
        long oak = school("Oak");
        long elm = school("Elm");
        Fixture f = fixture();
        assertThrows(ConsoleException.class, () -> f.flow().propose(it("it.one", oak), null, "p.vfp", bytes(POLICY),
                "x"), "only someone covering every school");
        PublishedPolicy proposed = f.flow().propose(it("it.lee", oak, elm), null, "p.vfp", bytes(POLICY), "trust-wide");
        assertThrows(ConsoleException.class, () -> f.flow().approve(it("it.lee", oak, elm), proposed.id()));
        assertThrows(ConsoleException.class, () -> f.flow().approve(leader("mrs.khan", Role.DSL, oak), proposed.id()),
                "a school's leader does not decide for every school");
        assertThrows(ConsoleException.class, () -> f.flow().approve(it("it.oak", oak), proposed.id()),
                "a provider approver who does not cover every school");

        f.flow().approve(it("it.sam", oak, elm), proposed.id());
        assertTrue(blocks(f.policies().live(oak).orElseThrow(), "roblox.com"));
        assertTrue(blocks(f.policies().live(elm).orElseThrow(), "roblox.com"));
        for (long school : List.of(oak, elm)) {
            PolicyChangeEntry logged = f.policies().changeLog(Scope.of(school), 10).getFirst();
            assertTrue(logged.providerWide());
            assertEquals("it.sam", logged.decidedBy());
            assertEquals(List.of(oak, elm), logged.schools().stream().sorted().toList());
        }
    }

    @Test
    default void theTableRefusesARequesterDecidingOrReviewingTheirOwnChange() {
        long oak = school("Oak");
        Fixture f = fixture();
        PolicyChangeEntry block = f.flow().emergencyBlock(it("it.lee", oak), oak, "harm.example", "viral challenge");
        assertThrows(StoreException.class, () -> f.policies().reviewChange(block.id(), "it.lee", T0));
        PublishedPolicy proposed = f.flow().propose(it("it.lee", oak), oak, "school.vfp", bytes(POLICY), "x");
        assertThrows(StoreException.class, () -> f.policies().decideChange(proposed.id(), java.util.Map.of(), "it.lee",
                T0));
    }

    @Test
    default void anEmergencyBlockIsLiveAtOnceAndFlaggedToLeadersWhenNotReviewedWithin24Hours() throws Exception {
        long oak = school("Oak");
        long elm = school("Elm");
        device("dev-1", "LAPTOP-01", "Oak");
        Fixture f = fixture();
        var check = new EmergencyReviewCheck(new JdbcKeywordListRepository(dataSource()), f.policies(), f.audit(),
                f.clock());
        PolicyChangeEntry block = f.flow().emergencyBlock(it("it.lee", oak, elm), null, "Harm.Example.",
                "viral challenge");
        assertEquals("live", block.status());
        assertTrue(block.emergency() && block.providerWide());
        assertEquals(2, f.pushes().sent.size(), "pushed to both schools at once");
        assertTrue(blocks(f.policies().live(oak).orElseThrow(), "www.harm.example"), "sub-domains too");
        assertTrue(blocks(f.policies().live(elm).orElseThrow(), "harm.example"));
        assertTrue(block.diff().contains("+ domain emergency harm.example"), block.diff().toString());

        f.clock().advance(Duration.ofHours(23));
        assertTrue(check.checkPolicies().isEmpty(), "not due yet");
        f.clock().advance(Duration.ofHours(1).plusSeconds(1));
        assertEquals(List.of(block.id()), check.checkPolicies().stream().map(PolicyChangeEntry::id).toList());
        assertTrue(check.checkPolicies().isEmpty(), "flagged once");
        PolicyChangeEntry flagged = f.policies().changeLog(Scope.of(elm), 10).getFirst();
        assertEquals(f.clock().instant(), flagged.flaggedAt());
        assertTrue(f.audit().latest(100).stream().anyMatch(e -> e.detail().contains("filter_policy emergency change="
                + block.id()) && e.detail().contains("flagged to leaders")));

        // A second block for one school, reviewed in time by a leader of it, is never flagged.
        PolicyChangeEntry second = f.flow().emergencyBlock(it("it.lee", oak), oak, "other.example", "phishing");
        assertThrows(ConsoleException.class, () -> f.flow().review(it("it.lee", oak), second.id()));
        assertEquals("mrs.khan", f.flow().review(leader("mrs.khan", Role.DSL, oak), second.id()).reviewedBy());
        SignedPolicy live = f.policies().live(oak).orElseThrow();
        assertTrue(blocks(live, "other.example") && blocks(live, "harm.example"), "blocks accumulate");
        f.clock().advance(Duration.ofHours(25));
        assertTrue(check.checkPolicies().isEmpty());
        assertNull(f.policies().changeEntry(second.id()).orElseThrow().flaggedAt());
    }

    @Test
    default void aDomainThatIsNotAHostNameIsRefusedNamingTheProblem() {
        long oak = school("Oak");
        Fixture f = fixture();
        Actor lee = it("it.lee", oak);
        assertTrue(refusal(f, lee, oak, "https://harm.example/page").contains("is a URL; give the host name only"));
        assertTrue(refusal(f, lee, oak, "harm").contains("has no dot"));
        assertTrue(refusal(f, lee, oak, "*.harm.example").contains("is a pattern"));
        assertTrue(refusal(f, lee, oak, "harm!.example").contains("character '!' not allowed"));
        assertTrue(refusal(f, lee, oak, " ").contains("domain: required"));
        assertTrue(refusal(f, new Actor("gov", Set.of(Role.GOVERNOR), Scope.of(oak)), oak, "harm.example")
                .contains("needs lists.publish or changes.approve"));
        assertTrue(f.pushes().sent.isEmpty());
        assertTrue(f.policies().changeLog(Scope.of(oak), 10).isEmpty(), "nothing stored");
    }

    private static String refusal(Fixture f, Actor actor, long school, String domain) {
        return assertThrows(ConsoleException.class, () -> f.flow().emergencyBlock(actor, school, domain, "r"))
                .getMessage();
    }

    @Test
    default void aRollbackProposesAnEarlierLiveVersionAgainWithFourEyes() throws Exception {
        long oak = school("Oak");
        Fixture f = fixture();
        Actor lee = it("it.lee", oak);
        Actor khan = leader("mrs.khan", Role.DSL, oak);
        PublishedPolicy first = f.flow().approve(khan, f.flow().propose(lee, oak, "s.vfp", bytes(POLICY), "v1").id());
        f.flow().approve(khan, f.flow().propose(lee, oak, "s.vfp", bytes(POLICY.replace("domain gaming roblox.com",
                "domain gaming minecraft.net")), "v2").id());
        assertFalse(blocks(f.policies().live(oak).orElseThrow(), "roblox.com"));

        PublishedPolicy rollback = f.flow().proposeRollback(lee, first.id(), "v2 broke lessons");
        assertEquals("pending", rollback.status());
        assertThrows(ConsoleException.class, () -> f.flow().approve(lee, rollback.id()));
        f.flow().approve(khan, rollback.id());
        assertTrue(blocks(f.policies().live(oak).orElseThrow(), "roblox.com"), "the earlier version is back");
        PolicyChangeEntry logged = f.policies().changeLog(Scope.of(oak), 10).getFirst();
        assertEquals("rollback", logged.action());
        assertTrue(logged.diff().contains("+ domain gaming roblox.com") && logged.diff().contains(
                "- domain gaming minecraft.net"), logged.diff().toString());
        assertThrows(ConsoleException.class, () -> f.flow().proposeRollback(lee, rollback.id(), "again"),
                "what runs now is not a rollback");
    }
}
