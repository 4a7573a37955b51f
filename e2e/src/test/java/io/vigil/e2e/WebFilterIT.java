package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web filter end to end: a real agent ({@code run} with {@code filter.enabled=true}) answering dig on
 * loopback with a dnsmasq upstream, and a real console over TLS. Bypass attempts become filter events in the
 * console, and many attempts raise one DSL alert, not many.
 */
class WebFilterIT {

    private static final String DSL_PASSWORD = "correct horse battery staple";
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final List<String> BYPASS = List.of("dns.google", "nordvpn.com", "cloudflare-dns.com",
            "hidester.com", "kproxy.com", "protonvpn.com", "windscribe.com", "doh.opendns.com");

    @TempDir
    Path tmp;

    @Test
    void bypassAttemptsBecomeFilterEventsAndOneDslAlert() throws Exception {
        assumeTrue(LocalDns.installed(), "dig or dnsmasq not installed (apt-get install dnsutils dnsmasq): skipped");
        try (VigilSite site = new VigilSite(tmp);
             LocalDns.Upstream upstream = new LocalDns.Upstream(tmp, Map.of("allowed.example", "1.2.3.4"))) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-31");
            int port = LocalDns.freePort();
            Files.writeString(config, "\nfilter.enabled=true\nfilter.listen=127.0.0.1:" + port
                    + "\nfilter.upstream=127.0.0.1:" + upstream.port + "\nfilter.block_address=127.0.0.1\n",
                    StandardOpenOption.APPEND);
            JavaProcess agent = site.startAgent(env -> env.remove("DISPLAY"), "run", "--config", config.toString(),
                    "--replay", site.replayScript("s.txt", "0\tNotes\thello").toString(), "--replay-speed", "instant",
                    "--user", "pupil.five");
            agent.awaitOutput("DNS filter listening", LIMIT);

            assertEquals(List.of("1.2.3.4"), LocalDns.dig(port, "allowed.example"));
            for (String name : BYPASS) {
                assertEquals(List.of("127.0.0.1"), LocalDns.dig(port, name), name + " is blocked");
            }

            ConsoleApi api = site.signedInApi("mrs.khan", DSL_PASSWORD);
            XDesktop.await("every bypass attempt as a filter event", LIMIT,
                    () -> filterEvents(site, "pupil.five") == BYPASS.size());
            XDesktop.await("the bypass alert", LIMIT,
                    () -> api.alerts(Map.of("category", "filter_bypass")).json().get("total").asInt() > 0);
            JsonNode alerts = api.alerts(Map.of("category", "filter_bypass")).json();
            assertEquals(1, alerts.get("total").asInt(), "one alert for " + BYPASS.size() + " attempts:\n"
                    + alerts.toPrettyString());
            JsonNode alert = alerts.get("alerts").get(0);
            assertEquals("pupil.five", alert.get("user").asText());
            assertEquals("filter", alert.get("source").asText());

            JsonNode device = api.get("/api/devices").json().get("devices").get(0);
            assertTrue(device.get("capabilities").toString().contains("filter.dns"), device::toPrettyString);
            assertTrue(device.get("unavailable").toString().contains("filter.in_path"),
                    "this machine's resolver does not go through the test's port:\n" + device.toPrettyString());
            agent.close();
        }
    }

    /** Filter events stored for {@code user}, read from the console's own database (no API lists them yet). */
    private static int filterEvents(VigilSite site, String user) {
        try {
            return countFilterEvents(site, user);
        } catch (Exception e) {
            return -1; // not readable yet (database starting): the caller polls again
        }
    }

    private static int countFilterEvents(VigilSite site, String user) throws Exception {
        String password = Files.readString(site.data.resolve("database.secret"), StandardCharsets.UTF_8).strip();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + site.data.resolve("console").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "vigil", password);
             PreparedStatement ps = db.prepareStatement(
                     "select count(*) from filter_events where username = ? and category = 'bypass'")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
