package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Being told in the browser: an open inbox, in a real Chromium, shows a newly arriving imminent-risk alert at once
 * (banner, page title, assertive live announcement) without a reload; and the look and feel holds up to axe-core
 * on the inbox with the banner, a 404 page, the urgent settings page, and the inbox at 320 CSS pixels wide.
 */
class UrgentBannerBrowserIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    @Test
    void anOpenInboxShowsANewImminentRiskAlertAtOnceAndEveryPageIsAccessible() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", PASSWORD);
            site.succeed(site.console(null, "oncall", "set", "--data", site.data.toString(),
                    "mrs.khan=s.khan@hillside.sch.uk"));
            Path config = site.enrolAgent("laptop-21");
            replay(site, config, "0\tGoogle - Search\thow do i cut myself without anyone noticing");

            ChromeDriver browser = Chromium.start(tmp.resolve("chromium-profile"));
            try {
                browser.get("https://127.0.0.1:" + site.httpsPort + "/");
                browser.findElement(By.id("username")).sendKeys("mrs.khan");
                browser.findElement(By.id("password")).sendKeys(PASSWORD);
                browser.findElement(By.id("totp")).sendKeys(site.auth.code("mrs.khan"));
                browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
                waitUntil(browser, d -> d.getPageSource().contains("cut myself"));
                String baseTitle = browser.getTitle();
                assertTrue(browser.findElement(By.id("urgent-banner")).getAttribute("hidden") != null,
                        "no banner for what was already there");
                // The page has its baseline of imminent-risk alerts: anything after this is new.
                waitUntil(browser, d -> "true".equals(d.findElement(By.id("urgent-banner"))
                        .getAttribute("data-watching")));

                replay(site, config, "0\tDiscord - general\ti just want to kill myself tonight");
                waitUntil(browser, d -> d.findElement(By.id("urgent-banner")).isDisplayed());
                assertTrue(browser.findElement(By.id("urgent-banner")).getText()
                        .contains("Imminent risk: a new alert needs you now"));
                assertEquals("(1) Imminent risk alert · " + baseTitle, browser.getTitle());
                var live = browser.findElement(By.id("urgent-live"));
                assertEquals("assertive", live.getAttribute("aria-live"));
                assertTrue(live.getAttribute("textContent").startsWith("Imminent risk: a new alert has arrived"),
                        live.getAttribute("textContent"));
                String href = browser.findElement(By.cssSelector("#urgent-banner a.urgent-open")).getAttribute("href");
                assertTrue(href.matches(".*/alerts/[0-9a-f-]{36}$"), href);
                saveScreenshot(browser, "inbox-urgent-banner.png");
                accessible(browser, "inbox with the urgent banner");

                // Reflow (WCAG 1.4.10): at 320 CSS pixels nothing needs sideways scrolling.
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", 320, "height", 900, "deviceScaleFactor", 1, "mobile", false));
                browser.navigate().refresh();
                waitUntil(browser, d -> d.getPageSource().contains("kill myself"));
                Number overflow = (Number) js(browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertTrue(overflow.intValue() <= 0, "sideways scrolling at 320 px: " + overflow + " px");
                saveScreenshot(browser, "inbox-320px.png");
                accessible(browser, "inbox at 320 px");
                browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());

                browser.get(href);
                waitUntil(browser, d -> d.getPageSource().contains("kill myself"));

                browser.get("https://127.0.0.1:" + site.httpsPort + "/settings/urgent");
                waitUntil(browser, d -> d.getPageSource().contains("s.khan@hillside.sch.uk"));
                saveScreenshot(browser, "urgent-settings.png");
                accessible(browser, "urgent settings");

                browser.get("https://127.0.0.1:" + site.httpsPort + "/no-such-page");
                waitUntil(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Page not found"));
                assertFalse(browser.findElements(By.linkText("Back to the start page")).isEmpty(), "a way back");
                saveScreenshot(browser, "not-found.png");
                accessible(browser, "404");
                // The API answers in JSON, for programs.
                String api = (String) js(browser).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch('/api/no-such-thing').then(r => r.text().then(t => done(r.status + ' '
                          + r.headers.get('content-type') + ' ' + t)), e => done('failed ' + e));""");
                assertTrue(api.startsWith("404 application/json"), api);
            } finally {
                browser.quit();
            }
        }
    }

    private static void replay(VigilSite site, Path config, String... steps) throws Exception {
        Path script = site.replayScript("replay-" + System.nanoTime() + ".txt", steps);
        site.succeed(site.agent("run", "--config", config.toString(), "--replay", script.toString(),
                "--replay-speed", "instant", "--exit-when-idle", "--user", "pupil.four"));
    }

    private static void accessible(WebDriver browser, String page) {
        assertEquals("", Axe.violations(browser), "axe-core violations on the " + page + " page");
    }

    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }

    private static <T> T waitUntil(WebDriver browser, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition);
    }

    private static void saveScreenshot(ChromeDriver browser, String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
