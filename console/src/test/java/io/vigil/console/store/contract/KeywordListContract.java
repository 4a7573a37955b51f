package io.vigil.console.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.NewAlert;
import io.vigil.console.domain.Role;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Actor;
import io.vigil.console.lists.EmergencyReviewCheck;
import io.vigil.console.lists.KeywordListPublisher;
import io.vigil.console.lists.ListChange;
import io.vigil.console.lists.ListDiff;
import io.vigil.console.lists.ListLayers;
import io.vigil.console.policy.SignedPolicy;
import io.vigil.console.signing.SigningKeyStore;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcKeywordListRepository;
import io.vigil.console.store.jdbc.StoreException;
import io.vigil.console.testing.InMemoryAuditLog;
import io.vigil.console.testing.MutableClock;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.format.SourceFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Keyword-list publishing over a real database: four eyes for school and provider changes (and the table's own
 * refusal), the signed bundle per school, the retro-test over stored alerts, rollback, and emergency blocks
 * flagged when nobody reviews them within 24 hours (time moved by a clock, not waited for).
 */
public interface KeywordListContract extends StoreContract {

    /** What was pushed, by device: the sessions' side is exercised end to end by KeywordListPushIT. */
    final class Pushes implements io.vigil.console.lists.ListPush {
        final List<SignedPolicy> sent = new ArrayList<>();

        @Override
        public int pushLists(java.util.Collection<String> deviceIds, SignedPolicy bundle) {
            sent.add(bundle);
            return deviceIds.size();
        }
    }

    /** One key for every test of the run, in one temporary directory (not one per test). */
    final class SigningKey {
        static final SigningKeyStore STORE = create();

        private static SigningKeyStore create() {
            try {
                var dir = Files.createTempDirectory("vigil-signing");
                dir.toFile().deleteOnExit();
                return SigningKeyStore.loadOrCreate(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    record Fixture(KeywordListPublisher publisher, JdbcKeywordListRepository lists, Pushes pushes, MutableClock clock,
                   InMemoryAuditLog audit) {
    }

    private Fixture fixture() {
        var lists = new JdbcKeywordListRepository(dataSource());
        var pushes = new Pushes();
        var clock = new MutableClock(T0);
        var audit = new InMemoryAuditLog();
        return new Fixture(new KeywordListPublisher(lists, SigningKey.STORE, pushes, audit, clock,
                () -> new ArrayList<>(everySchool().schoolIds()).stream().sorted().toList()), lists, pushes, clock, audit);
    }

    private static Actor it(String name, long... schools) {
        return new Actor(name, Set.of(Role.IT_PROVIDER), Scope.of(schools));
    }

    private static Actor dsl(String name, long school) {
        return new Actor(name, Set.of(Role.DSL), Scope.of(school));
    }

    static byte[] zip(List<SourceFile> files) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (SourceFile f : files) {
                    zip.putNextEntry(new ZipEntry(f.name()));
                    zip.write(f.text().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static byte[] providerWith(String bullyingLine) {
        return zip(ListLayers.shipped().stream().map(f -> f.name().equals("bullying.vkl")
                ? new SourceFile(f.name(), f.text() + bullyingLine + "\n") : f).toList());
    }

    @Test
    default void aSchoolsWordsAreApprovedByALeaderOfThatSchoolNeverByTheRequesterOrTheItRole() {
        long oak = school("Oak");
        device("dev-1", "LAPTOP-01", "Oak");
        Fixture f = fixture();
        ListChange change = f.publisher().propose(it("it.lee", oak), oak,
                zip(List.of(new SourceFile("bullying.vkl", "term sch.snarkle banned 2 \"snarkle pop\"\n"))), "slang");
        assertEquals("pending", change.status());
        assertEquals(1, change.diff().count(ListDiff.Kind.ADDED));
        assertThrows(ConsoleException.class, () -> f.publisher().approve(it("it.sam", oak), change.id()));
        assertThrows(ConsoleException.class, () -> f.publisher().approve(
                new Actor("it.lee", Set.of(Role.DSL), Scope.of(oak)), change.id()), "requester, even as a leader");
        assertThrows(ConsoleException.class, () -> f.publisher().approve(dsl("other.dsl", school("Elm")), change.id()));
        assertTrue(f.pushes().sent.isEmpty(), "nothing pushed before approval");

        ListChange live = f.publisher().approve(dsl("mrs.khan", oak), change.id());
        assertEquals("live", live.status());
        assertEquals("mrs.khan", live.decidedBy());
        SignedPolicy bundle = f.lists().bundleForDevice("dev-1").orElseThrow();
        assertEquals(1, f.pushes().sent.size());
        KeywordEngine engine = assertDoesNotThrowEngine(bundle.document());
        assertEquals(bundle.version(), engine.version());
        assertTrue(engine.scan("such a snarkle pop today").alert(), "school words matched with the provider's");
        assertTrue(engine.scan("i just want to kill myself tonight").alert(), "provider lists still there");
    }

    private static KeywordEngine assertDoesNotThrowEngine(byte[] bundle) {
        try {
            return KeywordEngine.fromBundle(bundle);
        } catch (io.vigil.keywords.ListValidationException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Test
    default void aProviderChangeNeedsASecondProviderApproverWhoCoversEverySchoolAndAppearsInEveryChangeLog() {
        long oak = school("Oak");
        long elm = school("Elm");
        Fixture f = fixture();
        ListChange change = f.publisher().propose(it("it.lee", oak, elm), null,
                providerWith("term bu.zorblat banned 3 \"zorblat wibble\""), "new slang");
        assertEquals(List.of(Math.min(oak, elm), Math.max(oak, elm)), change.schools());
        assertThrows(ConsoleException.class, () -> f.publisher().approve(it("it.lee", oak, elm), change.id()));
        assertThrows(ConsoleException.class, () -> f.publisher().approve(it("it.one.school", oak), change.id()));
        assertThrows(ConsoleException.class, () -> f.publisher().approve(dsl("mrs.khan", oak), change.id()),
                "a school leader does not decide for every school");
        f.publisher().approve(it("it.sam", oak, elm), change.id());
        assertEquals(2, f.pushes().sent.size(), "one bundle per school");
        assertEquals(1, f.lists().changeLog(Scope.of(oak), 10).size());
        assertEquals(1, f.lists().changeLog(Scope.of(elm), 10).size());
        assertThrows(ConsoleException.class, () -> f.publisher().propose(it("it.one.school", oak), null,
                providerWith(""), "only one school"));
    }

    @Test
    default void theTableItselfRefusesARequesterDecidingTheirOwnChange() {
        long oak = school("Oak");
        Fixture f = fixture();
        ListChange change = f.publisher().propose(it("it.lee", oak), oak,
                zip(List.of(new SourceFile("bullying.vkl", "term sch.x banned 2 \"snarkle pop\"\n"))), "");
        assertThrows(StoreException.class, () -> f.lists().decide(change.id(), true, "it.lee", T0));
    }

    @Test
    default void anInvalidSchoolWordIsReportedAgainstTheSchoolsFileAndLineAndNothingIsStored() {
        long oak = school("Oak");
        Fixture f = fixture();
        var e = assertThrows(io.vigil.console.lists.InvalidListsException.class, () -> f.publisher().propose(
                it("it.lee", oak), oak, zip(List.of(new SourceFile("bullying.vkl",
                        "# our words\nterm sch.ok banned 2 \"snarkle pop\"\nterm sch.bad banned 9 \"oops\"\n"))), ""));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("school/bullying.vkl:3:")), e.problems().toString());
        assertEquals(0, f.lists().changeLog(Scope.of(oak), 10).size());
    }

    @Test
    default void theRetroTestCountsStoredAlertsPerRuleAndTheFalsePositivesTheDslMarked() throws Exception {
        long oak = school("Oak");
        device("dev-1", "LAPTOP-01", "Oak");
        var alerts = new JdbcAlertRepository(dataSource());
        KeywordEngine shipped = KeywordEngine.bundled();
        String text = "kill yourself";
        var verdict = shipped.scan(text);
        assertTrue(verdict.alert());
        for (int i = 1; i <= 3; i++) {
            alerts.storeOnce(new NewAlert(UUID.randomUUID().toString(), "dev-1", i, verdict.category(),
                    verdict.severity(), verdict.score(), verdict.ruleIds(), verdict.snippet(), "chat", "Chat", "",
                    "pupil", T0, "keyboard", shipped.version()), T0);
        }
        try (var c = dataSource().getConnection(); var s = c.createStatement()) {
            s.executeUpdate("update alerts set status = 'closed', outcome = 'false_positive' where sequence = 1");
        }
        String rule = verdict.ruleIds().getFirst();
        // The provider rewrites the rule that raised them so it no longer matches that text.
        byte[] without = zip(ListLayers.shipped().stream().map(f -> new SourceFile(f.name(), String.join("\n",
                f.text().lines().map(l -> l.matches("^term\\s+" + java.util.regex.Pattern.quote(rule) + "\\s.*")
                        ? l.replaceAll("\"[^\"]*\"", "\"zzqx never\"") : l).toList()) + "\n")).toList());
        Fixture f = fixture();
        ListChange change = f.publisher().propose(it("it.lee", oak), null, without, "too noisy");
        var counts = change.retroTest().rules().stream().filter(r -> r.ruleId().equals(rule)).findFirst().orElseThrow();
        assertEquals(3, counts.stored());
        assertEquals(1, counts.falsePositives());
        assertEquals(3, counts.noLongerRaised() + counts.raisedDifferently(), change.retroTest().toString());
        assertEquals(1, change.diff().count(ListDiff.Kind.CHANGED));
        assertFalse(change.retroTest().toString().contains(text), "counts only, never the pupil's words");
    }

    @Test
    default void rollbackProposesAnEarlierLiveVersionAgainWithFourEyes() {
        long oak = school("Oak");
        device("dev-1", "LAPTOP-01", "Oak");
        Fixture f = fixture();
        ListChange first = f.publisher().propose(it("it.lee", oak), oak,
                zip(List.of(new SourceFile("bullying.vkl", "term sch.a banned 2 \"snarkle pop\"\n"))), "one");
        f.publisher().approve(dsl("mrs.khan", oak), first.id());
        String v1 = f.lists().bundle(oak).orElseThrow().version();
        ListChange second = f.publisher().propose(it("it.lee", oak), oak,
                zip(List.of(new SourceFile("bullying.vkl", "term sch.b banned 2 \"wobble gobble\"\n"))), "two");
        f.publisher().approve(dsl("mrs.khan", oak), second.id());
        assertFalse(v1.equals(f.lists().bundle(oak).orElseThrow().version()));

        ListChange rollback = f.publisher().proposeRollback(it("it.lee", oak), first.id(), "wrong words");
        assertEquals("pending", rollback.status());
        assertThrows(ConsoleException.class, () -> f.publisher().approve(it("it.lee", oak), rollback.id()));
        f.publisher().approve(dsl("mrs.khan", oak), rollback.id());
        assertEquals(v1, f.lists().bundle(oak).orElseThrow().version());
        assertEquals("superseded", f.lists().change(second.id()).orElseThrow().status());
    }

    @Test
    default void anEmergencyBlockIsLiveAtOnceAndFlaggedToLeadersWhenNobodyReviewsItWithin24Hours() {
        long oak = school("Oak");
        device("dev-1", "LAPTOP-01", "Oak");
        Fixture f = fixture();
        ListChange block = f.publisher().emergencyBlock(it("it.lee", oak), oak, "violence_weapons", "flimflam quux", 4,
                "viral threat");
        assertEquals("live", block.status());
        assertTrue(block.emergency());
        assertEquals(T0.plus(Duration.ofHours(24)), block.reviewDue());
        SignedPolicy bundle = f.pushes().sent.getLast();
        assertTrue(assertDoesNotThrowEngine(bundle.document()).scan("the flimflam quux is coming").alert());

        EmergencyReviewCheck check = new EmergencyReviewCheck(f.lists(),
                new io.vigil.console.store.jdbc.JdbcPolicyRepository(dataSource()), f.audit(), f.clock());
        f.clock().advance(Duration.ofHours(23));
        assertEquals(0, check.check().size(), "not due yet");
        f.clock().advance(Duration.ofHours(2));
        assertEquals(1, check.check().size());
        assertNotNull(f.lists().change(block.id()).orElseThrow().flaggedAt());
        assertEquals(0, check.check().size(), "flagged once");

        ListChange reviewedLater = f.publisher().emergencyBlock(it("it.lee", oak), oak, "violence_weapons", "wibble zap",
                4, "second");
        assertThrows(ConsoleException.class, () -> f.publisher().review(it("it.lee", oak), reviewedLater.id()));
        assertEquals("mrs.khan", f.publisher().review(dsl("mrs.khan", oak), reviewedLater.id()).reviewedBy());
        f.clock().advance(Duration.ofHours(25));
        assertEquals(0, check.check().size(), "a reviewed block is never flagged");
        assertNull(f.lists().change(reviewedLater.id()).orElseThrow().flaggedAt());
    }

    @Test
    default void approvingAChangeMadeBeforeAnEmergencyBlockIsRefusedSoTheBlockIsNotSilentlyDropped() {
        long oak = school("Oak");
        Fixture f = fixture();
        ListChange pending = f.publisher().propose(it("it.lee", oak), oak,
                zip(List.of(new SourceFile("bullying.vkl", "term sch.a banned 2 \"snarkle pop\"\n"))), "one");
        f.publisher().emergencyBlock(it("it.sam", oak), oak, "violence_weapons", "flimflam quux", 4, "now");
        assertThrows(ConsoleException.class, () -> f.publisher().approve(dsl("mrs.khan", oak), pending.id()));
    }

    @Test
    default void whatEachDeviceReportsIsKeptAndARefusalKeepsTheRunningVersion() {
        device("dev-1", "LAPTOP-01", "Oak");
        var lists = new JdbcKeywordListRepository(dataSource());
        lists.recordRunning("dev-1", "sha256:builtin", T0);
        lists.recordApplied("dev-1", "sha256:one", true, null, T0);
        lists.recordApplied("dev-1", "sha256:two", false, "bad signature", T0);
        var status = lists.deviceStatuses(everySchool()).get("dev-1");
        assertEquals("sha256:one", status.running());
        assertTrue(status.error().contains("sha256:two") && status.error().contains("bad signature"), status.error());
        lists.recordApplied("dev-1", "sha256:three", true, null, T0);
        assertNull(lists.deviceStatuses(everySchool()).get("dev-1").error());
    }
}
