package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.BrowsingSummaryRecord;
import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.alert.FilterEventRecord;
import io.vigil.agent.alert.NoticeAcceptanceRecord;
import io.vigil.agent.alert.ReviewRequestRecord;
import io.vigil.agent.spool.AlertSpool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every record kind in one device spool, through a console outage, a kill -9 and restarts of a real agent,
 * to a real console over TLS: each stored kind arrives exactly once (counted in the console's own database),
 * and the spool ends empty, so the kinds the console only acknowledges for now left the device too.
 */
class MixedRecordsIT {

    private static final String DSL_PASSWORD = "correct horse battery staple";
    private static final String HARMLESS = "0\tGoogle Docs - History homework\tthe battle of hastings was in 1066";
    private static final String DISCLOSURE = "0\tDiscord - general\ti just want to kill myself tonight";
    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path tmp;

    @Test
    void mixedRecordKindsSurviveAKilledAgentAndReachTheConsoleExactlyOnce() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            JavaProcess console = site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-31");
            console.close();

            // What other parts of the agent spool while the console is down: one of every kind.
            List<DeviceRecord> spooled = List.of(
                    new AlertRecord(java.util.UUID.randomUUID(), "bullying", 3, 6, List.of("bu-001"),
                            "nobody likes you", "chromium", "Chat", "", "pupil.five", AT, "keyboard", "sha256:x"),
                    FilterEventRecord.of("proxy.example", FilterEventRecord.Action.BLOCKED, "proxy_vpn", "pupil.five",
                            AT, "chromium", "ks3", "category proxy_vpn"),
                    NoticeAcceptanceRecord.of("pupil.five", "2026-09", "pupils", AT),
                    BrowsingSummaryRecord.of("pupil.five", AT.truncatedTo(ChronoUnit.HOURS), Map.of("bbc.co.uk", 7)),
                    ReviewRequestRecord.of("pupil.five", "history.example", "weapons", "for my WW2 project", AT));
            Path spoolFile = Path.of(new ConfigFileValues(config).get("spool.path"));
            try (AlertSpool spool = AlertSpool.open(spoolFile)) {
                spooled.forEach(spool::append);
            }

            // Still offline, the agent raises an alert of its own, then dies without a chance to clean up.
            JavaProcess offline = site.startAgent("run", "--config", config.toString(), "--replay",
                    site.replayScript("disclosure.txt", DISCLOSURE).toString(), "--replay-speed", "instant",
                    "--user", "pupil.five");
            offline.awaitOutput("alert raised", Duration.ofSeconds(60));
            offline.killHard();

            site.startConsole();
            Path harmless = site.replayScript("harmless.txt", HARMLESS);
            for (int run = 0; run < 2; run++) { // the second run must deliver nothing again
                site.succeed(site.agent("run", "--config", config.toString(), "--replay", harmless.toString(),
                        "--replay-speed", "instant", "--exit-when-idle", "--user", "pupil.five"));
            }

            try (AlertSpool spool = AlertSpool.open(spoolFile)) {
                assertEquals(0, spool.depth(), "every kind was acknowledged and left the device");
                assertEquals(0, spool.refusedCount());
            }
            JsonNode alerts = site.signedInApi("mrs.khan", DSL_PASSWORD).alerts(Map.of()).json();
            assertEquals(2, alerts.get("total").asInt(), alerts::toPrettyString);
            try (Connection db = consoleDatabase(site)) {
                assertEquals(1, count(db, "alerts", spooled.get(0)));
                assertEquals(1, count(db, "filter_events", spooled.get(1)));
                assertEquals(1, count(db, "notice_acceptances", spooled.get(2)));
                assertEquals(2, total(db, "alerts"));
                assertEquals(1, total(db, "filter_events"));
                assertEquals(1, total(db, "notice_acceptances"));
            }
        }
    }

    /** The console's embedded database, through the auto-server H2 starts for a second process. */
    private static Connection consoleDatabase(VigilSite site) throws Exception {
        String password = Files.readString(site.data.resolve("database.secret"), StandardCharsets.UTF_8).strip();
        return DriverManager.getConnection("jdbc:h2:file:" + site.data.resolve("console").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "vigil", password);
    }

    private static int count(Connection db, String table, DeviceRecord record) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("select count(*) from " + table + " where uuid = ?")) {
            ps.setString(1, record.uuid().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int total(Connection db, String table) throws Exception {
        try (PreparedStatement ps = db.prepareStatement("select count(*) from " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Reads one value from the agent's config file, as an IT provider would look it up. */
    private record ConfigFileValues(Path file) {
        String get(String key) throws Exception {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            return p.getProperty(key);
        }
    }
}
