package io.vigil.agent.help.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.help.HelpDesk;
import io.vigil.agent.notice.AcceptanceLog;
import io.vigil.agent.notice.NoticeService;
import io.vigil.agent.policy.MonitoringGroup;
import io.vigil.agent.policy.NoticeTexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real page on a real loopback port, asked by a real HTTP client, as a browser or an attacker would. */
class HelpPageServerTest {

    @TempDir
    Path dir;

    private final List<DeviceRecord> spooled = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private HelpPageServer server;
    private NoticeService notices;

    @BeforeEach
    void start() throws IOException {
        notices = new NoticeService(NoticeTexts.DEFAULTS, u -> MonitoringGroup.PUPILS,
                AcceptanceLog.open(dir.resolve("acc.tsv")), spooled::add, Clock.systemUTC(), "dev-1");
        server = new HelpPageServer(new HelpDesk(spooled::add, () -> "pupil.one", 4, Clock.systemUTC())::ask,
                Optional.of(notices), () -> "pupil.one", new SecureRandom()).start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void thePageShowsTheNoticeTheFormAndTheChildlineAndCeopLinks() throws Exception {
        HttpResponse<String> page = get(server.url());
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("https://www.childline.org.uk"), html);
        assertTrue(html.contains("0800 1111"), html);
        assertTrue(html.contains("https://www.ceop.police.uk/Safety-Centre/"), html);
        assertTrue(html.contains("<label for=\"words\">"), "the text box has a label");
        assertTrue(html.contains("I understand"), "the notice waits here until accepted");
        assertTrue(html.contains("maxlength=\"500\""));
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElseThrow(),
                "the token must not leak to Childline or CEOP through the Referer");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
    }

    @Test
    void aRequestFromThePageBecomesAnAlert() throws Exception {
        HttpResponse<String> sent = post(server.url().resolve("ask"), "http://127.0.0.1:" + server.port(),
                form("kind", "report", "words", "someone sent me a horrible picture"));
        assertEquals(200, sent.statusCode(), sent.body());
        assertTrue(sent.body().contains("Your message has been sent"));
        AlertRecord alert = (AlertRecord) spooled.getFirst();
        assertEquals("pupil_request", alert.category());
        assertEquals("someone sent me a horrible picture", alert.snippet());
        assertEquals("pupil.one", alert.user());
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() throws Exception {
        HttpResponse<String> forged = post(server.url().resolve("ask"), "https://evil.example",
                form("kind", "need_help", "words", "forged"));
        assertEquals(403, forged.statusCode());
        HttpResponse<String> nullOrigin = post(server.url().resolve("ask"), "null", form("kind", "need_help"));
        assertEquals(403, nullOrigin.statusCode(), "sandboxed frames send Origin: null");
        HttpResponse<String> crossSite = http.send(HttpRequest.newBuilder(server.url().resolve("ask"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString(form("kind", "need_help"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, crossSite.statusCode());
        assertTrue(spooled.isEmpty(), spooled.toString());
    }

    @Test
    void aWrongOrMissingTokenFindsNothing() throws Exception {
        URI page = server.url();
        URI wrong = URI.create("http://127.0.0.1:" + server.port() + "/not-the-token/");
        assertEquals(404, get(wrong).statusCode());
        assertEquals(404, get(URI.create("http://127.0.0.1:" + server.port() + "/")).statusCode());
        assertEquals(404, post(wrong.resolve("ask"), "http://127.0.0.1:" + server.port(), form("kind", "need_help"))
                .statusCode());
        assertFalse(get(wrong).body().contains(page.getPath()));
        assertTrue(spooled.isEmpty());
    }

    @Test
    void aRequestForAnotherHostNameIsRefused() throws IOException {
        // DNS rebinding: a site's own name pointed at 127.0.0.1. HttpClient will not forge Host, a socket will.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + server.url().getPath() + " HTTP/1.1\r\nHost: evil.example:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
            assertTrue(status.contains(" 403 "), status);
        }
    }

    @Test
    void acceptingTheNoticeOnThePageRecordsItOnce() throws Exception {
        String origin = "http://127.0.0.1:" + server.port();
        assertEquals(200, post(server.url().resolve("accept"), origin, "").statusCode());
        assertEquals(200, post(server.url().resolve("accept"), origin, "").statusCode());
        assertEquals(1, spooled.size());
        assertFalse(get(server.url()).body().contains("I understand"), "once accepted, the page stops asking");
    }

    @Test
    void overlongWordsAreRefusedWithAPlainMessage() throws Exception {
        HttpResponse<String> tooLong = post(server.url().resolve("ask"), "http://127.0.0.1:" + server.port(),
                form("kind", "need_help", "words", "x".repeat(501)));
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("500 characters"), tooLong.body());
        assertTrue(spooled.isEmpty());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String origin, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(b.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return b.toString();
    }
}
