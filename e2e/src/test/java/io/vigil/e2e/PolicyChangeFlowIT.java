package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filter-policy changes with real processes over TLS on loopback, checked with a real {@code dig} against the
 * agent's DNS filter: a provider-wide change is refused to its requester and to a school's DSL, approved by a
 * second IT provider, enforced by the connected agent over its open session and shown in each school's change
 * log; an emergency domain block by one person is refused by the agent's DNS filter; a rollback (four eyes)
 * restores the earlier version on the agent. "Over the open session" is held by the agent never reconnecting,
 * not by a 10 s clock a busy CI machine could miss (the measured times, well under 1 s, are printed). (Flagging an unreviewed block after 24 h moves an injected clock:
 * {@code PolicyChangeContract}, on H2 and PostgreSQL.)
 */
class PolicyChangeFlowIT {

    private static final String PASSWORD = "correct horse battery staple";
    /** A hang guard, not the target: the push itself is held by the agent staying on one session. */
    private static final Duration PUSH_LIMIT = Duration.ofMinutes(2);
    private static final String BLOCKED = "127.0.0.1";
    private static final String POLICY = """
            vigil-filter-policy 1
            category gaming
            domain gaming roblox.example
            group default
              block gaming
            device-group default
            """;

    @TempDir
    Path tmp;

    @Test
    void providerWideChangesEmergencyBlocksAndRollbackReachTheAgentsDnsFilter() throws Exception {
        assumeTrue(LocalDns.installed(), "dig or dnsmasq not installed (apt-get install dnsutils dnsmasq): skipped");
        try (VigilSite site = new VigilSite(tmp);
             LocalDns.Upstream upstream = new LocalDns.Upstream(tmp, Map.of("harm.example", "1.2.3.4",
                     "roblox.example", "1.2.3.5"))) {
            site.startConsole();
            site.schoolsInTrust("Oak Trust", "Elm Primary");
            site.addUser("it.lee", "it_provider", PASSWORD, "--trust", "Oak Trust");
            site.addUser("it.sam", "it_provider", PASSWORD, "--trust", "Oak Trust");
            site.addUser("mrs.khan", "dsl", PASSWORD, "--school", VigilSite.SCHOOL);
            site.addUser("gov.hill", "governor", PASSWORD, "--school", VigilSite.SCHOOL);
            site.addUser("gov.elm", "governor", PASSWORD, "--school", "Elm Primary");
            Path config = site.enrolAgent("laptop-1");
            int port = LocalDns.freePort();
            Files.writeString(config, "\nfilter.enabled=true\nfilter.listen=127.0.0.1:" + port
                    + "\nfilter.upstream=127.0.0.1:" + upstream.port + "\nfilter.block_address=" + BLOCKED + "\n",
                    StandardOpenOption.APPEND);
            JavaProcess agent = site.startAgent(env -> env.remove("DISPLAY"), "run", "--config", config.toString(),
                    "--replay", site.replayScript("idle.txt", "0\tNotes\thello").toString(), "--replay-speed",
                    "instant", "--user", "pupil.one");
            agent.awaitOutput("DNS filter listening", Duration.ofSeconds(60));
            agent.awaitOutput("connected to console", Duration.ofSeconds(60));
            assertEquals(List.of("1.2.3.4"), LocalDns.dig(port, "harm.example"));
            assertEquals(List.of("1.2.3.5"), LocalDns.dig(port, "roblox.example"));
            ConsoleApi lee = site.signedInApi("it.lee", PASSWORD);
            ConsoleApi sam = site.signedInApi("it.sam", PASSWORD);
            ConsoleApi dsl = site.signedInApi("mrs.khan", PASSWORD);

            // Provider-wide: never approved by its requester nor by one school's DSL; a second provider approves.
            ConsoleApi.Response proposed = lee.post("/api/filter-policy?school=provider&name=trust.vfp&reason=gaming+"
                    + "off+in+every+school", "text/plain", POLICY);
            assertEquals(201, proposed.status(), proposed.body());
            String change = proposed.json().get("id").asText();
            ConsoleApi.Response own = lee.post("/api/filter-policy/provider-changes/" + change + "/approve",
                    "application/json", "{}");
            assertEquals(409, own.status(), own.body());
            assertTrue(own.body().contains("another person"), own.body());
            ConsoleApi.Response byDsl = dsl.post("/api/filter-policy/changes/" + change + "/approve",
                    "application/json", "{}");
            assertEquals(409, byDsl.status(), byDsl.body());
            assertTrue(byDsl.body().contains("second IT provider approver"), byDsl.body());
            Instant approvedAt = Instant.now();
            ConsoleApi.Response approved = sam.post("/api/filter-policy/provider-changes/" + change + "/approve",
                    "application/json", "{}");
            assertEquals(200, approved.status(), approved.body());
            awaitDig(port, "roblox.example", BLOCKED, approvedAt);
            assertOneSession(agent);
            assertEquals(List.of("1.2.3.4"), LocalDns.dig(port, "harm.example"));

            // In each affected school's change log, with requester, approver, reason and the lines it added.
            for (String governor : List.of("gov.hill", "gov.elm")) {
                JsonNode row = policyRow(site.signedInApi(governor, PASSWORD), change);
                assertEquals("provider-wide", row.get("scope").asText());
                assertEquals("it.lee", row.get("requestedBy").asText());
                assertEquals("it.sam", row.get("decidedBy").asText());
                assertEquals("gaming off in every school", row.get("reason").asText());
                assertTrue(row.get("diff").toString().contains("+ domain gaming roblox.example"), row::toPrettyString);
            }

            // Emergency block by one person: refused by the agent's DNS filter within 10 s.
            ConsoleApi.Response badDomain = lee.post("/api/filter-policy/emergency", "application/json",
                    "{\"school\":\"1\",\"domain\":\"https://harm.example/page\",\"reason\":\"viral challenge\"}");
            assertEquals(409, badDomain.status(), badDomain.body());
            assertTrue(badDomain.body().contains("is a URL"), badDomain.body());
            Instant blockedAt = Instant.now();
            ConsoleApi.Response emergency = lee.post("/api/filter-policy/emergency", "application/json",
                    "{\"school\":\"1\",\"domain\":\"harm.example\",\"reason\":\"viral challenge\"}");
            assertEquals(201, emergency.status(), emergency.body());
            assertEquals("emergency", emergency.json().get("action").asText());
            assertEquals("live", emergency.json().get("status").asText());
            assertTrue(emergency.json().hasNonNull("reviewDue"), emergency.body());
            awaitDig(port, "harm.example", BLOCKED, blockedAt);
            assertOneSession(agent);
            assertEquals(List.of(BLOCKED), LocalDns.dig(port, "www.harm.example"), "sub-domains too");
            String emergencyId = emergency.json().get("id").asText();
            ConsoleApi.Response ownReview = lee.post("/api/filter-policy/provider-changes/" + emergencyId + "/review",
                    "application/json", "{}");
            assertEquals(409, ownReview.status(), ownReview.body());
            assertTrue(ownReview.body().contains("another person"), "the requester cannot review their own block");
            assertTrue(site.signedInApi("gov.hill", PASSWORD).get("/keyword-lists/changes").body()
                    .contains("Emergency block: review due by"), "the leaders' change log marks it");
            assertTrue(policyRowOrNull(site.signedInApi("gov.elm", PASSWORD), emergencyId) == null,
                    "a block for one school is not in another school's change log");

            // Rollback to the provider-wide version: four eyes again, and the agent stops blocking harm.example.
            String hillsideVersion = null;
            for (JsonNode v : lee.get("/api/filter-policy").json().get("versions")) {
                if (v.get("schoolId").asInt() == 1 && v.get("fileName").asText().equals("trust.vfp")) {
                    hillsideVersion = v.get("id").asText();
                }
            }
            ConsoleApi.Response rollback = lee.post("/api/filter-policy/rollback/" + hillsideVersion, "application/json",
                    "{\"reason\":\"challenge over\"}");
            assertEquals(201, rollback.status(), rollback.body());
            assertEquals("pending", rollback.json().get("status").asText());
            String rollbackId = rollback.json().get("id").asText();
            assertEquals(409, lee.post("/api/filter-policy/provider-changes/" + rollbackId + "/approve",
                    "application/json", "{}").status(), "the requester cannot approve their own rollback");
            assertEquals(409, sam.post("/api/filter-policy/provider-changes/" + rollbackId + "/approve",
                    "application/json", "{}").status(), "one school's rollback is decided by a leader of it");
            Instant rolledBackAt = Instant.now();
            assertEquals(200, dsl.post("/api/filter-policy/changes/" + rollbackId + "/approve", "application/json",
                    "{}").status());
            awaitDig(port, "harm.example", "1.2.3.4", rolledBackAt);
            assertOneSession(agent);
            assertEquals(List.of(BLOCKED), LocalDns.dig(port, "roblox.example"), "the earlier version is in force");
            agent.close();
        }
    }

    /** The change came over the session the agent already had, not with a new one after Hello. */
    private static void assertOneSession(JavaProcess agent) {
        assertEquals(1, agent.output().split("connected to console", -1).length - 1, agent::output);
    }

    /** Polls the agent's DNS filter with dig until {@code name} answers {@code expected} (hang guard from {@code since}). */
    private static void awaitDig(int port, String name, String expected, Instant since) {
        Instant deadline = since.plus(PUSH_LIMIT);
        List<String> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            last = LocalDns.dig(port, name);
            if (last.equals(List.of(expected))) {
                System.out.printf("dig %s answered %s %d ms after the request%n", name, expected,
                        Duration.between(since, Instant.now()).toMillis());
                return;
            }
            JavaProcess.sleep(100);
        }
        throw new AssertionError("within " + PUSH_LIMIT + " dig " + name + " should answer " + expected + "; it answers "
                + last);
    }

    private static JsonNode policyRow(ConsoleApi reader, String id) {
        JsonNode row = policyRowOrNull(reader, id);
        if (row == null) {
            throw new AssertionError("filter-policy change " + id + " not in the change log: "
                    + reader.get("/api/changes").body());
        }
        return row;
    }

    private static JsonNode policyRowOrNull(ConsoleApi reader, String id) {
        ConsoleApi.Response log = reader.get("/api/changes");
        assertEquals(200, log.status(), log.body());
        for (JsonNode row : log.json().get("changes")) {
            if (row.get("kind").asText().equals("filter_policy") && row.get("id").asText().equals(id)) {
                return row;
            }
        }
        return null;
    }
}
