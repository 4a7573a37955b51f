package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A DSL and an IT administrator using the web console in a real Chromium, against real agent alerts. */
class InboxBrowserIT {

    private static final String DSL_PASSWORD = "correct horse battery staple";
    private static final String IT_PASSWORD = "another long passphrase";

    @TempDir
    Path tmp;

    @Test
    void dslSeesUrgentAlertsFirstAndNewOnesArriveWithoutReloading() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-09");
            replay(site, config, "0\tGoogle Docs - English essay\tmy favourite book is holes by louis sachar",
                    "0\tDiscord - general\ti just want to kill myself tonight");

            ChromeDriver browser = Chromium.start(tmp.resolve("chromium-profile"));
            try {
                signIn(browser, site, "mrs.khan", DSL_PASSWORD);
                String urgent = awaitRowContaining(browser, "kill myself", Duration.ofSeconds(10));
                assertTrue(urgent.contains("Imminent risk"), "severity must be said in words: " + urgent);
                assertTrue(urgent.contains("pupil.three"), urgent);
                assertTrue(urgent.contains("Suicide"), "category shown by its list name: " + urgent);
                assertFalse(browser.getPageSource().contains("louis sachar"), "harmless typing must never appear");

                // A new alert while the page is open appears through the inbox's own refresh.
                replay(site, config, "0\tGoogle - Search\thow do i cut myself without anyone noticing");
                String serious = awaitRowContaining(browser, "cut myself", Duration.ofSeconds(30));
                assertTrue(serious.contains("Serious"), serious);
                assertTrue(serious.contains("Self-harm"), "refreshed rows name categories too: " + serious);
                List<String> rows = rowTexts(browser);
                assertEquals(2, rows.size(), rows.toString());
                assertTrue(rows.get(0).contains("Imminent risk"), "the most urgent alert must be first: " + rows);
                saveScreenshot(browser, "inbox.png");

                WebElement search = browser.findElement(By.id("q"));
                search.clear();
                search.sendKeys("hastings");
                browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
                waitUntil(browser, Duration.ofSeconds(10),
                        d -> d.findElement(By.id("summary")).getText().contains("No alerts match"));
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void itProviderCannotReadAlertContent() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("it.support", "it_provider", IT_PASSWORD);
            Path config = site.enrolAgent("laptop-10");
            replay(site, config, "0\tDiscord - general\ti just want to kill myself tonight");

            ChromeDriver browser = Chromium.start(tmp.resolve("chromium-profile"));
            try {
                signIn(browser, site, "it.support", IT_PASSWORD);
                waitUntil(browser, Duration.ofSeconds(10), d -> d.getPageSource().contains("Signed in as it.support"));
                assertFalse(browser.getPageSource().contains("kill myself"));
                assertTrue(browser.findElements(By.id("alert-rows")).isEmpty(), "no alert table for IT roles");
            } finally {
                browser.quit();
            }
        }
    }

    private static void replay(VigilSite site, Path config, String... steps) throws Exception {
        Path script = site.replayScript("replay-" + System.nanoTime() + ".txt", steps);
        site.succeed(site.agent("run", "--config", config.toString(), "--replay", script.toString(),
                "--replay-speed", "instant", "--exit-when-idle", "--user", "pupil.three"));
    }

    private static void signIn(WebDriver browser, VigilSite site, String username, String password) {
        browser.get("https://127.0.0.1:" + site.httpsPort + "/");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    }

    /** The inbox's rows as text, read in one step: its timed refresh replaces rows, staling element handles. */
    @SuppressWarnings("unchecked")
    private static List<String> rowTexts(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('#alert-rows tr'), r => r.innerText);");
    }

    private static String awaitRowContaining(WebDriver browser, String text, Duration limit) {
        return waitUntil(browser, limit, d -> rowTexts(d).stream().filter(row -> row.contains(text)).findFirst()
                .orElse(null));
    }

    /** Waits through page loads and table refreshes, which can stale an element between finding and reading it. */
    private static <T> T waitUntil(WebDriver browser, Duration limit, Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, limit).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private static void saveScreenshot(ChromeDriver browser, String name) throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
