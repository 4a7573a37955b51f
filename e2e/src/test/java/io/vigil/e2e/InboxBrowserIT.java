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
import org.openqa.selenium.Keys;
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
    void dslSeesUrgentAlertsFirstAndTheRefreshNeverDisturbsWhatTheyAreDoing() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-09");
            replay(site, config, "0\tGoogle Docs - English essay\tmy favourite book is holes by louis sachar",
                    "0\tDiscord - general\ti just want to kill myself tonight");

            ChromeDriver browser = Chromium.start(tmp.resolve("chromium-profile"));
            try {
                signIn(browser, site, "mrs.khan", DSL_PASSWORD);
                String urgent = awaitRowContaining(browser, "kill myself", Duration.ofSeconds(60));
                assertTrue(urgent.contains("Imminent risk"), "severity must be said in words: " + urgent);
                assertTrue(urgent.contains("pupil.three"), urgent);
                assertTrue(urgent.contains("Suicide"), "category shown by its list name: " + urgent);
                assertFalse(browser.getPageSource().contains("louis sachar"), "harmless typing must never appear");

                // The DSL starts typing a search but has not submitted it, with the cursor in the box.
                WebElement search = browser.findElement(By.id("q"));
                search.sendKeys("hastings");
                List<String> before = rowTexts(browser);

                // A new, serious (not imminent) alert is announced, not pushed into the table under the reader.
                replay(site, config, "0\tGoogle - Search\thow do i cut myself without anyone noticing");
                WebElement show = waitUntil(browser, Duration.ofSeconds(40), d -> d.findElement(By.id("show-new")));
                assertEquals("1 new alert — show", browser.findElement(By.id("new-alerts")).getText());
                assertEquals("hastings", search.getDomProperty("value"), "unsubmitted search text kept");
                assertEquals("q", activeElementId(browser), "focus kept in the search box");
                assertEquals(before, rowTexts(browser), "rows not replaced or reordered");
                saveScreenshot(browser, "inbox-new-alert-announced.png");

                show.click();
                String serious = awaitRowContaining(browser, "cut myself", Duration.ofSeconds(60));
                assertTrue(serious.contains("Serious"), serious);
                assertTrue(serious.contains("Self-harm"), "refreshed rows name categories too: " + serious);
                List<String> rows = rowTexts(browser);
                assertEquals(2, rows.size(), rows.toString());
                assertTrue(rows.get(0).contains("Imminent risk"), "the most urgent alert must be first: " + rows);
                assertEquals("hastings", search.getDomProperty("value"), "showing new rows leaves the search box");

                // The DSL selects a snippet to copy into their notes.
                String selected = (String) ((JavascriptExecutor) browser).executeScript(
                        "var cell = document.querySelector('#alert-rows td.snippet');"
                        + "var range = document.createRange(); range.selectNodeContents(cell);"
                        + "var s = window.getSelection(); s.removeAllRanges(); s.addRange(range); return s.toString();");
                assertTrue(selected.contains("kill myself"), selected);

                // An imminent-risk alert does not wait to be asked for: it appears above the rows at once.
                replay(site, config, "0\tDiscord - general\ti am going to end my life this weekend");
                awaitRowContaining(browser, "end my life", Duration.ofSeconds(40));
                assertTrue(rowTexts(browser).get(0).contains("end my life"), rowTexts(browser).toString());
                assertEquals(selected, ((JavascriptExecutor) browser).executeScript(
                        "return window.getSelection().toString();"), "the reader's selection survives new rows");
                assertEquals("hastings", search.getDomProperty("value"));
                saveScreenshot(browser, "inbox.png");

                search.sendKeys(Keys.ENTER);
                waitUntil(browser, Duration.ofSeconds(60),
                        d -> d.findElement(By.id("summary")).getText().contains("No alerts match"));
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void dslPagesThroughAlertsAndFindsThemByCategoryName() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            Path config = site.enrolAgent("laptop-11");
            replay(site, config, "0\tDiscord - general\ti just want to kill myself tonight",
                    "0\tGoogle - Search\thow do i cut myself without anyone noticing",
                    "0\tGoogle - Search\thow to get around the school filter with a vpn");

            ChromeDriver browser = Chromium.start(tmp.resolve("chromium-profile"));
            try {
                signIn(browser, site, "mrs.khan", DSL_PASSWORD);
                awaitRowContaining(browser, "kill myself", Duration.ofSeconds(60));
                waitUntil(browser, Duration.ofSeconds(60), d -> {
                    d.navigate().refresh();
                    return rowTexts(d).size() == 3;
                });

                // Two to a page, so three alerts make two pages.
                browser.get("https://127.0.0.1:" + site.httpsPort + "/inbox?limit=2");
                assertEquals("Showing 1–2 of 3 alerts, most urgent first.", summary(browser));
                assertTrue(browser.findElements(By.cssSelector("a[rel=prev]")).isEmpty());
                browser.findElement(By.cssSelector("a[rel=next]")).click();
                waitUntil(browser, Duration.ofSeconds(60), d -> summary(d).startsWith("Showing 3–3 of 3"));
                assertEquals(1, rowTexts(browser).size());
                assertTrue(browser.findElements(By.cssSelector("a[rel=next]")).isEmpty());
                browser.findElement(By.cssSelector("a[rel=prev]")).click();
                waitUntil(browser, Duration.ofSeconds(60), d -> summary(d).startsWith("Showing 1–2 of 3"));
                saveScreenshot(browser, "inbox-paging.png");

                // No snippet says "suicide": only the category name can match.
                WebElement search = browser.findElement(By.id("q"));
                search.clear();
                search.sendKeys("suicide");
                browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
                waitUntil(browser, Duration.ofSeconds(60), d -> summary(d).startsWith("Showing 1–1 of 1"));
                List<String> rows = rowTexts(browser);
                assertTrue(rows.get(0).contains("kill myself") && rows.get(0).contains("Suicide"), rows.toString());

                // A search that cannot be parsed is explained calmly, not shown as a parser error in red.
                search = browser.findElement(By.id("q"));
                search.clear();
                search.sendKeys("kill AND");
                browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
                String notice = waitUntil(browser, Duration.ofSeconds(60), d -> d.findElement(By.id("notice"))).getText();
                assertTrue(notice.startsWith("Vigil could not understand the search"), notice);
                assertFalse(notice.contains("Encountered"), "no parser message: " + notice);
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
                waitUntil(browser, Duration.ofSeconds(60), d -> d.getPageSource().contains("Signed in as it.support"));
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
        browser.findElement(By.id("totp")).sendKeys(site.auth.code(username));
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    }

    private static String summary(WebDriver browser) {
        return browser.findElement(By.id("summary")).getText();
    }

    private static String activeElementId(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript("return document.activeElement.id;");
    }

    /** The inbox's rows as text, read in one step (a page load can stale element handles between steps). */
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
