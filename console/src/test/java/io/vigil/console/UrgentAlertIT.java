package io.vigil.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.vigil.console.config.NotifyConfig;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import io.vigil.console.notify.OnCallPerson;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.testing.MutableClock;
import io.vigil.console.testing.TestAgentClient;
import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.Verdict;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Being told about an urgent alert, end to end: an alert arrives over real gRPC/TLS, is stored by the group commit,
 * and its email reaches a real SMTP server (GreenMail, with authentication) and its message a real local webhook;
 * escalation follows an injected clock, never the wall clock; and the outbox survives a restart.
 */
class UrgentAlertIT {

    private static final io.vigil.console.testing.Authenticator AUTH = new io.vigil.console.testing.Authenticator();
    private static final String PASSWORD = "correct horse battery staple";
    private static final String TYPED = "i just want to kill myself tonight";

    @TempDir
    Path dataDir;
    // Whole milliseconds: the database keeps microseconds, and a rounded-up "due" would never be due on a stopped clock.
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    private final LinkedBlockingQueue<String> webhookBodies = new LinkedBlockingQueue<>();
    /** The webhook answers 503 to this many calls first, to show retry. */
    private final AtomicInteger webhookFailuresLeft = new AtomicInteger();
    private GreenMail mail;
    private HttpServer webhook;
    private final List<StartedConsole> consoles = new ArrayList<>();
    private long seq;

    @BeforeEach
    void startServers() throws Exception {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.setUser("vigil@oak.sch.uk", "vigil-mailer", "mail-secret");
        mail.start();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = webhookFailuresLeft.getAndDecrement() > 0 ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            webhookBodies.add(status + " " + body);
        });
        webhook.start();
    }

    @AfterEach
    void stopServers() {
        consoles.forEach(StartedConsole::close);
        webhook.stop(0);
        mail.stop();
    }

    private Path notifyConfig() throws Exception {
        Path file = dataDir.resolveSibling(dataDir.getFileName() + "-notify.properties");
        Files.writeString(file, String.join("\n",
                "smtp.host=127.0.0.1",
                "smtp.port=" + mail.getSmtp().getPort(),
                "smtp.security=none",
                "smtp.username=vigil-mailer",
                "smtp.password=mail-secret",
                "smtp.from=vigil@oak.sch.uk",
                "webhook.url=http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook",
                "console.url=https://vigil.oak.sch.uk:8443/"));
        return file;
    }

    private StartedConsole start(boolean withNotify) throws Exception {
        var options = new ServeOptions(dataDir, "127.0.0.1", 0, 0);
        if (withNotify) {
            options = options.withNotify(NotifyConfig.load(notifyConfig()));
        }
        StartedConsole console = StartedConsole.start(options, clock, new SecureRandom());
        consoles.add(console);
        AUTH.addOrReset(console, "mrs.khan", Set.of(Role.DSL), "Oak School", PASSWORD);
        AUTH.addOrReset(console, "mr.jones", Set.of(Role.DEPUTY_DSL), "Oak School", PASSWORD);
        console.setOnCall("Oak School", List.of(new OnCallPerson("mrs.khan", "khan@oak.sch.uk"),
                new OnCallPerson("mr.jones", "jones@oak.sch.uk")));
        return console;
    }

    /** Sends each typed text as the agent would raise it; returns the alerts' uuids. */
    private List<String> send(StartedConsole console, String... typed) throws Exception {
        KeywordEngine lists = KeywordEngine.bundled();
        List<String> uuids = new ArrayList<>();
        try (var agent = new TestAgentClient(console.grpcPort(), dataDir.resolve("console-cert.pem"))) {
            var device = agent.enrol(console.createToken("Oak School"), "LAPTOP-OAK");
            var session = agent.session(device.getDeviceId(), device.getDeviceCredential());
            session.send(TestAgentClient.hello("j.smith", "LAPTOP-OAK"));
            session.nextAck();
            for (String text : typed) {
                Verdict v = lists.scan(text);
                assertTrue(v.alert(), text);
                long n = ++seq;
                var alert = TestAgentClient.alert(n, v.category(), v.severity(), v.snippet()).clearRuleIds()
                        .addAllRuleIds(v.ruleIds());
                session.send(TestAgentClient.message(alert));
                assertEquals(n, session.nextAck());
                uuids.add(alert.getUuid());
            }
            session.complete();
        }
        return uuids;
    }

    private List<MimeMessage> emails(int atLeast) {
        assertTrue(mail.waitForIncomingEmail(10_000, atLeast), "expected " + atLeast + " email(s) within 10 s, got "
                + mail.getReceivedMessages().length);
        return Arrays.asList(mail.getReceivedMessages());
    }

    private static String to(MimeMessage m) throws Exception {
        return m.getAllRecipients()[0].toString();
    }

    /** Moves the clock and waits for the notifier to finish two whole passes after it: one begun after the move. */
    private static void advanceAndSettle(StartedConsole console, MutableClock clock, Duration by) throws Exception {
        clock.advance(by);
        long target = console.urgentNotifier().passes() + 2;
        // A hang guard; the passes end the wait. No busy spin: on a loaded machine it took the CPU the
        // notifier needed to make its pass.
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (console.urgentNotifier().passes() < target) {
            assertTrue(System.nanoTime() < deadline, "the notifier made no pass after being woken");
            console.urgentNotifier().wake();
            Thread.sleep(5); // poll interval
        }
    }

    @Test
    void anUrgentAlertIsEmailedAndPostedWithoutThePupilsWordsAndTheWebhookIsRetried() throws Exception {
        StartedConsole console = start(true);
        webhookFailuresLeft.set(1);
        // Not urgent (below the default severity 5) first: were it emailed, it would be the first email.
        String notUrgent = send(console, "how do i cut myself without anyone noticing").getFirst();
        String urgent = send(console, TYPED).getFirst();

        List<MimeMessage> received = emails(1);
        MimeMessage email = received.getFirst();
        String body = GreenMailUtil.getBody(email);
        assertEquals("khan@oak.sch.uk", to(email), "the first person on call");
        assertEquals("Urgent safeguarding alert for Oak School", email.getSubject());
        assertTrue(body.contains("https://vigil.oak.sch.uk:8443/alerts/" + urgent), body);
        for (String secret : List.of("kill", "tonight", "j.smith", "LAPTOP", "suicide", "Suicide", notUrgent)) {
            assertFalse(body.contains(secret) || email.getSubject().contains(secret), "email says " + secret);
        }

        String firstCall = webhookBodies.poll(10, TimeUnit.SECONDS);
        assertTrue(firstCall != null && firstCall.startsWith("503 "), "first webhook call refused: " + firstCall);
        advanceAndSettle(console, clock, Duration.ZERO); // the failure is recorded, with its retry time
        advanceAndSettle(console, clock, Duration.ofSeconds(6));
        String retried = webhookBodies.poll(10, TimeUnit.SECONDS);
        assertTrue(retried != null && retried.startsWith("200 "), "webhook retried after backoff: " + retried);
        assertTrue(retried.contains("\"link\":\"https://vigil.oak.sch.uk:8443/alerts/" + urgent + "\""), retried);
        assertTrue(retried.contains("Urgent safeguarding alert for Oak School"), retried);
        assertFalse(retried.contains("kill") || retried.contains("j.smith"), retried);
        assertEquals(1, mail.getReceivedMessages().length, "a failing webhook never re-sends the email");
    }

    @Test
    void nobodyAcknowledgingEscalatesToTheNextPersonAndAcknowledgingStopsIt() throws Exception {
        StartedConsole console = start(true);
        List<String> uuids = send(console, TYPED, "i want to kill myself tonight");
        String ignored = uuids.get(0);
        String acknowledged = uuids.get(1);
        assertEquals(2, emails(2).size());

        int web = Integer.parseInt(console.webUrl().replaceAll(".*:(\\d+)/$", "$1"));
        HttpsClient dsl = new HttpsClient(web, dataDir.resolve("console-cert.pem"));
        assertEquals(204, dsl.postJson("/api/session", AUTH.sessionJson("mrs.khan", PASSWORD)).statusCode());
        var ack = dsl.postForm("/alerts/" + acknowledged + "/case", "action=acknowledge");
        assertEquals(303, ack.statusCode(), ack.body());

        advanceAndSettle(console, clock, Duration.ofMinutes(9));
        assertEquals(2, mail.getReceivedMessages().length, "not yet: the default wait is 10 minutes");

        advanceAndSettle(console, clock, Duration.ofMinutes(2));
        List<MimeMessage> all = emails(3);
        MimeMessage escalation = all.get(2);
        assertEquals("jones@oak.sch.uk", to(escalation));
        String body = GreenMailUtil.getBody(escalation);
        assertTrue(body.contains("/alerts/" + ignored) && body.contains("Nobody has acknowledged it yet"), body);
        assertFalse(body.contains("kill"), body);

        advanceAndSettle(console, clock, Duration.ofMinutes(30));
        assertEquals(3, mail.getReceivedMessages().length, "acknowledged: nobody else told; and nobody after jones");
    }

    @Test
    void anUrgentAlertStoredWhileNobodyCouldBeToldIsSentAfterARestart() throws Exception {
        StartedConsole first = start(false);
        String urgent = send(first, TYPED).getFirst();
        first.close();
        consoles.remove(first);

        start(true);
        MimeMessage email = emails(1).getFirst();
        assertTrue(GreenMailUtil.getBody(email).contains("/alerts/" + urgent));
        assertEquals(1, mail.getReceivedMessages().length);
    }

    @Test
    void onlyActiveSafeguardingUsersOfTheSchoolGoOnCall() throws Exception {
        StartedConsole console = start(false);
        AUTH.addOrReset(console, "it.support", Set.of(Role.IT_PROVIDER), "Oak School", PASSWORD);
        var refused = org.junit.jupiter.api.Assertions.assertThrows(io.vigil.console.domain.ConsoleException.class,
                () -> console.setOnCall("Oak School", List.of(new OnCallPerson("it.support", "it@oak.sch.uk"))));
        assertTrue(refused.getMessage().contains("'it.support' is not an active safeguarding user of Oak School"),
                refused.getMessage());
    }
}
