package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The help page in a real browser: a pupil finds the controls by their labels, sends a report with their own
 * words and it reaches the DSL; a web page on another origin that makes the same browser submit the form
 * (CSRF) is refused.
 */
class HelpPageBrowserIT {

    private static final String DSL_PASSWORD = "correct horse battery staple";
    private static final String HARMLESS = "0\tGoogle Docs - History homework\tthe battle of hastings was in 1066";
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void aPupilSendsAReportFromTheBrowserAndAnotherSiteCannot() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-51");
            JavaProcess agent = site.startAgent(env -> env.remove("DISPLAY"), "run", "--config", config.toString(),
                    "--replay", site.replayScript("s.txt", HARMLESS).toString(), "--replay-speed", "instant",
                    "--user", "pupil.seven");
            agent.awaitOutput("help page listening", LIMIT);
            LocalHelpPage page = LocalHelpPage.of(config);
            ConsoleApi api = site.signedInApi("mrs.khan", DSL_PASSWORD);

            ChromeDriver browser = Chromium.start(tmp.resolve("chromium-profile"));
            HttpServer attacker = forgingSite(page);
            try {
                // Another origin makes the pupil's browser post to the help page as soon as it is opened.
                browser.get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/");
                XDesktop.await("the forged post to be answered", LIMIT,
                        () -> browser.getPageSource().contains("can only be sent from the help page"));

                browser.get(page.url().toString());
                assertTrue(browser.findElement(By.linkText("Childline")).getAttribute("href")
                        .startsWith("https://www.childline.org.uk"));
                WebElement report = browser.findElement(By.xpath("//label[contains(., 'report something I saw')]/input"));
                report.click();
                WebElement words = browser.findElement(By.id(browser.findElement(
                        By.xpath("//label[contains(., 'Anything you want to tell us')]")).getAttribute("for")));
                words.sendKeys("an older boy sent me a video I did not want to see");
                browser.findElement(By.xpath("//button[.='Send']")).click();
                try {
                    XDesktop.await("the thank-you page", LIMIT,
                            () -> browser.getPageSource().contains("Your message has been sent"));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\npage:\n" + browser.getPageSource() + "\nagent:\n"
                            + agent.output(), e);
                }
            } finally {
                browser.quit();
                attacker.stop(0);
            }

            XDesktop.await("the report in the console", LIMIT,
                    () -> api.alerts(Map.of()).json().get("total").asInt() > 0);
            agent.close();
            JsonNode all = api.alerts(Map.of()).json();
            assertEquals(1, all.get("total").asInt(), "the forged post raised an alert:\n" + all.toPrettyString());
            JsonNode alert = all.get("alerts").get(0);
            assertEquals("pupil_request", alert.get("category").asText());
            assertEquals("an older boy sent me a video I did not want to see", alert.get("snippet").asText());
            assertEquals("I want to report something I saw", alert.get("window").asText());
        }
    }

    /** A page on another loopback port whose form posts itself to the help page (it even knows the token). */
    private static HttpServer forgingSite(LocalHelpPage page) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        byte[] html = ("""
                <!doctype html><html><body>
                <form id="f" method="post" action="%s"><input name="kind" value="need_help">
                <input name="words" value="forged by another site"></form>
                <script>document.getElementById('f').submit()</script></body></html>
                """.formatted(page.url().resolve("ask"))).getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (var out = exchange.getResponseBody()) {
                out.write(html);
            }
        });
        server.start();
        return server;
    }
}
