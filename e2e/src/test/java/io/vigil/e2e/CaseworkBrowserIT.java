package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A DSL works an alert from start to finish in a real Chromium: opens it from the inbox, reads why it was raised
 * and the pupil's earlier alerts, assigns it, writes a note, closes it with an outcome and a CPOMS reference, and
 * exports the record as PDF and CSV. Every page passes axe-core's WCAG 2.x A/AA rules.
 */
class CaseworkBrowserIT {

    private static final String DSL_PASSWORD = "correct horse battery staple";
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    @Test
    void dslWorksAnAlertFromInboxToExportedRecord() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("mrs.khan", "dsl", DSL_PASSWORD);
            site.addUser("mr.jones", "deputy_dsl", "a different long passphrase");
            Path config = site.enrolAgent("laptop-21");
            replay(site, config, "0\tGoogle - Search\thow do i cut myself without anyone noticing");
            replay(site, config, "0\tDiscord - general\ti just want to kill myself tonight");

            ChromeDriver browser = Chromium.start(tmp.resolve("chromium-profile"));
            try {
                signIn(browser, site);
                waitUntil(browser, d -> rowLink(d, "kill myself"));
                waitUntil(browser, d -> rowLink(d, "cut myself"));
                accessible(browser, "inbox");

                // What Vigil cannot see is one click away from every page.
                browser.findElement(By.linkText("What Vigil covers")).click();
                waitUntil(browser, d -> d.findElement(By.tagName("h1")).getText().contains("cannot see"));
                accessible(browser, "coverage");
                browser.navigate().back();
                waitUntil(browser, d -> rowLink(d, "kill myself"));

                rowLink(browser, "kill myself").click();
                waitUntil(browser, d -> d.findElement(By.id("explanation")).getText().contains("within 8 words"));
                String title = browser.findElement(By.id("alert-title")).getText();
                assertTrue(title.contains("5 Imminent risk") && title.contains("Suicide"), title);
                String marked = (String) js(browser).executeScript(
                        "return Array.from(document.querySelectorAll('#snippet mark'), m => m.textContent).join('|');");
                assertTrue(marked.contains("kill myself"), "matched words highlighted: " + marked);
                String timeline = browser.findElement(By.id("timeline")).getText();
                assertTrue(timeline.contains("Self-harm") && timeline.contains("cut myself"), timeline);
                assertTrue(browser.findElement(By.id("facts")).getText().matches("(?s).*(GMT|BST).*"));
                accessible(browser, "alert");
                saveScreenshot(browser, "alert.png");

                new Select(browser.findElement(By.id("assignee"))).selectByValue("mr.jones");
                submit(browser, "assignee");
                waitUntil(browser, d -> d.findElement(By.id("case-assignee")).getText().equals("mr.jones"));

                browser.findElement(By.id("note-text")).sendKeys("Spoke to the pupil at break; safety plan agreed.");
                submit(browser, "note-text");
                waitUntil(browser, d -> d.findElement(By.id("notes")).getText().contains("safety plan agreed"));
                assertTrue(browser.findElement(By.id("notes")).getText().contains("mrs.khan"), "note has its author");

                new Select(browser.findElement(By.id("outcome"))).selectByValue("spoke_with_pupil");
                submit(browser, "outcome");
                waitUntil(browser, d -> d.findElement(By.id("case-outcome")).getText().equals("Spoke with the pupil"));

                browser.findElement(By.id("cpoms-reference")).sendKeys("CPOMS-2231");
                submit(browser, "cpoms-reference");
                waitUntil(browser, d -> d.findElement(By.id("case-cpoms")).getText().equals("CPOMS-2231"));
                assertEquals("Closed", browser.findElement(By.id("case-status")).getText());
                String history = browser.findElement(By.id("history")).getText();
                assertTrue(history.contains("assigned to mr.jones") && history.contains("closed: Spoke with the pupil")
                        && history.contains("recorded on CPOMS as CPOMS-2231"), history);
                accessible(browser, "alert after casework");
                saveScreenshot(browser, "alert-closed.png");

                String pdfText;
                try (var pdf = Loader.loadPDF(download(browser, "pdf-record"))) {
                    pdfText = new PDFTextStripper().getText(pdf);
                }
                assertTrue(pdfText.contains("Incident record") && pdfText.contains("CPOMS-2231")
                        && pdfText.contains("safety plan agreed") && pdfText.contains("Spoke with the pupil"), pdfText);

                String csv = new String(download(browser, "csv-record"), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\uFEFF", "");
                List<String> lines = csv.lines().toList();
                assertEquals("\"Student\",\"Date\",\"Time\",\"Category\",\"Incident\",\"Action taken\",\"Outcome\","
                        + "\"Status\",\"Assigned to\",\"Reference\",\"Vigil alert\"", lines.getFirst());
                assertTrue(csv.contains("\"pupil.four\"") && csv.contains("\"Suicide\"")
                        && csv.contains("\"Spoke with the pupil\",\"Closed\",\"mr.jones\",\"CPOMS-2231\""), csv);

                browser.findElement(By.id("print-record")).click();
                waitUntil(browser, d -> d.getTitle().startsWith("Incident record"));
                accessible(browser, "printable record");
                saveScreenshot(browser, "incident-record.png");

                browser.get("https://127.0.0.1:" + site.httpsPort + "/inbox?status=closed");
                waitUntil(browser, d -> d.findElement(By.id("alert-rows")).getText().contains("assigned to mr.jones"));
                accessible(browser, "inbox filtered to closed");

                browser.get("https://127.0.0.1:" + site.httpsPort + "/alerts/00000000-0000-4000-8000-000000000000");
                waitUntil(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Not found"));
                accessible(browser, "not found");

                // A disclosure made to a teacher, logged by hand and then worked like any alert.
                browser.get("https://127.0.0.1:" + site.httpsPort + "/inbox");
                browser.findElement(By.id("log-incident")).click();
                waitUntil(browser, d -> d.findElement(By.tagName("h1")).getText().equals("Log an incident"));
                accessible(browser, "log an incident");
                browser.findElement(By.id("pupil")).sendKeys("pupil.four");
                new Select(browser.findElement(By.id("route"))).selectByValue("disclosure");
                new Select(browser.findElement(By.id("category"))).selectByValue("abuse");
                new Select(browser.findElement(By.id("severity"))).selectByValue("4");
                browser.findElement(By.id("summary")).sendKeys("Told her form tutor she is scared to go home.");
                browser.findElement(By.cssSelector("form[action='/incidents'] button[type=submit]")).click();
                waitUntil(browser, d -> d.findElement(By.id("snippet")).getText().contains("scared to go home"));
                assertTrue(browser.findElement(By.id("facts")).getText().contains("A pupil told a member of staff"));
                accessible(browser, "logged incident");
                saveScreenshot(browser, "incident-logged.png");
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

    private static void signIn(WebDriver browser, VigilSite site) {
        browser.get("https://127.0.0.1:" + site.httpsPort + "/");
        browser.findElement(By.id("username")).sendKeys("mrs.khan");
        browser.findElement(By.id("password")).sendKeys(DSL_PASSWORD);
        browser.findElement(By.id("totp")).sendKeys(site.auth.code("mrs.khan"));
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    }

    /** The category link of the inbox row whose text contains {@code text}, or null while there is none. */
    private static org.openqa.selenium.WebElement rowLink(WebDriver browser, String text) {
        for (var row : browser.findElements(By.cssSelector("#alert-rows tr"))) {
            if (row.getText().contains(text)) {
                return row.findElement(By.cssSelector("a[href^='/alerts/']"));
            }
        }
        return null;
    }

    /** Submits the case form that holds the field {@code fieldId}. */
    private static void submit(WebDriver browser, String fieldId) {
        browser.findElement(By.cssSelector("form:has(#" + fieldId + ") button[type=submit]")).click();
    }

    /** Fetches the link's target with the browser's own session, as a download would, and returns its bytes. */
    private static byte[] download(WebDriver browser, String linkId) {
        String href = browser.findElement(By.id(linkId)).getAttribute("href");
        String base64 = (String) js(browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status)).then(buf => {
                  let s = ''; new Uint8Array(buf).forEach(b => s += String.fromCharCode(b)); done(btoa(s));
                }, e => done('failed ' + e));""", href);
        assertTrue(!base64.startsWith("failed"), linkId + ": " + base64);
        return Base64.getDecoder().decode(base64);
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
