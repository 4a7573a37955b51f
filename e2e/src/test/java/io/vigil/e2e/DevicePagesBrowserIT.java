package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The IT provider's device and token pages in a real Chromium, each checked with axe-core (WCAG 2.2 AA): the
 * device list, one device's health, revoking it from its page, and making and revoking an enrolment token.
 */
class DevicePagesBrowserIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    @Test
    void itProviderSeesDeviceHealthRevokesADeviceAndManagesTokens() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("it.lee", "it_provider", PASSWORD);
            Path config = site.enrolAgent("laptop-31");
            String deviceId = deviceId(config);
            Path script = site.replayScript("idle.txt", "0\tGoogle Docs - History homework\tthe battle of hastings");
            site.succeed(site.agent("run", "--config", config.toString(), "--replay", script.toString(),
                    "--replay-speed", "instant", "--exit-when-idle", "--user", "pupil.one"));

            ChromeDriver browser = Chromium.start(tmp.resolve("chromium-profile"));
            try {
                signIn(browser, site);
                browser.get(base(site) + "/devices");
                By link = By.cssSelector("a[href='/devices/" + deviceId + "']");
                waitUntil(browser, d -> d.findElement(link));
                String row = browser.findElement(By.cssSelector("tbody tr")).getText();
                assertTrue(row.contains("Active") && row.contains(VigilSite.SCHOOL), row);
                accessible(browser, "device list");

                browser.findElement(link).click();
                waitUntil(browser, d -> d.findElement(By.id("health-heading")));
                String page = browser.findElement(By.tagName("main")).getText();
                assertTrue(page.contains("Enrolment token") && page.contains("token 1"), page);
                assertTrue(page.contains("Records waiting on the device"), page);
                assertTrue(page.contains("Missing, and why"), page);
                accessible(browser, "device");

                browser.findElement(By.id("revoke-reason")).sendKeys("left the school");
                browser.findElement(By.cssSelector("form[action='/devices/" + deviceId + "/revoke'] button")).click();
                waitUntil(browser, d -> d.findElement(By.cssSelector("p.notice")).getText().contains("Device revoked"));
                assertTrue(browser.findElement(By.cssSelector(".page-head .badge")).getText().contains("Revoked"));
                accessible(browser, "revoked device");

                browser.get(base(site) + "/tokens");
                waitUntil(browser, d -> d.findElement(By.id("token-expires")));
                accessible(browser, "tokens");
                browser.findElement(By.cssSelector("form[action='/tokens'] button")).click();
                waitUntil(browser, d -> d.findElement(By.id("new-token-heading")));
                assertTrue(browser.findElement(By.tagName("code")).getText().length() >= 20);
                accessible(browser, "new token");
                browser.findElement(By.cssSelector("form[action='/tokens/2/revoke'] button")).click();
                waitUntil(browser, d -> d.findElement(By.tagName("tbody")).getText().contains("Revoked"));
                assertEquals(0, browser.findElements(By.cssSelector("form[action='/tokens/2/revoke']")).size());
                accessible(browser, "tokens after revoking");
            } finally {
                browser.quit();
            }
        }
    }

    private static String base(VigilSite site) {
        return "https://127.0.0.1:" + site.httpsPort;
    }

    private static void signIn(WebDriver browser, VigilSite site) {
        browser.get(base(site) + "/");
        browser.findElement(By.id("username")).sendKeys("it.lee");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("totp")).sendKeys(site.auth.code("it.lee"));
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitUntil(browser, d -> d.findElement(By.tagName("h1")).getText().contains("Welcome"));
    }

    private static void accessible(WebDriver browser, String page) {
        assertEquals("", Axe.violations(browser), "axe-core violations on the " + page + " page");
    }

    private static <T> T waitUntil(WebDriver browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition);
    }

    private static String deviceId(Path config) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(config)) {
            p.load(in);
        }
        return p.getProperty("device.id");
    }
}
