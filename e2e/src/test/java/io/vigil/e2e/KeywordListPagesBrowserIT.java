package io.vigil.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The keyword-list and filter-policy pages in a real Chromium, checked with axe-core: the IT provider blocks a term
 * and a domain in an emergency for one school, and the school's DSL sees both, each labelled, in the one change log
 * and reviews them.
 */
class KeywordListPagesBrowserIT {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path tmp;

    @Test
    void anEmergencyBlockIsMadeOnThePageAndReviewedByTheSchoolsDsl() throws Exception {
        try (VigilSite site = new VigilSite(tmp)) {
            site.startConsole();
            site.addUser("it.lee", "it_provider", PASSWORD);
            site.addUser("mrs.khan", "dsl", PASSWORD);
            ChromeDriver browser = Chromium.start(tmp.resolve("chromium-profile"));
            try {
                signIn(browser, site, "it.lee");
                browser.get("https://127.0.0.1:" + site.httpsPort + "/keyword-lists");
                accessible(browser, "keyword lists (IT)");
                new Select(browser.findElement(By.id("em-school"))).selectByVisibleText(VigilSite.SCHOOL);
                browser.findElement(By.id("em-category")).sendKeys("violence_weapons");
                browser.findElement(By.id("em-term")).sendKeys("flimflam quux");
                browser.findElement(By.id("em-reason")).sendKeys("viral threat this morning");
                browser.findElement(By.cssSelector("form[action='/keyword-lists/emergency'] button")).click();
                new WebDriverWait(browser, Duration.ofMinutes(2)).until(d -> d.getPageSource().contains("Blocked now"));
                assertTrue(browser.getPageSource().contains("Emergency change: review due by"));
                accessible(browser, "keyword lists with a change");

                browser.get("https://127.0.0.1:" + site.httpsPort + "/filter-policy");
                accessible(browser, "filter policy (IT)");
                new Select(browser.findElement(By.id("em-school"))).selectByVisibleText(VigilSite.SCHOOL);
                browser.findElement(By.id("em-domain")).sendKeys("https://harm.example/page");
                browser.findElement(By.id("em-reason")).sendKeys("viral challenge");
                browser.findElement(By.cssSelector("form[action='/filter-policy/emergency'] button")).click();
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getPageSource().contains("is a URL"));
                browser.findElement(By.id("em-domain")).sendKeys("harm.example");
                browser.findElement(By.id("em-reason")).sendKeys("viral challenge");
                browser.findElement(By.cssSelector("form[action='/filter-policy/emergency'] button")).click();
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getPageSource().contains("Blocked now"));
                accessible(browser, "filter policy after an emergency block");

                browser.manage().deleteAllCookies();
                signIn(browser, site, "mrs.khan");
                browser.get("https://127.0.0.1:" + site.httpsPort + "/keyword-lists/changes");
                assertTrue(browser.getPageSource().contains("Requested by it.lee"));
                assertTrue(browser.getPageSource().contains("viral threat this morning"));
                assertTrue(browser.getPageSource().contains("Filter policy change"), "both kinds, labelled");
                assertTrue(browser.getPageSource().contains("Keyword lists change"));
                assertTrue(browser.getPageSource().contains("+ domain emergency harm.example"), "the diff");
                assertTrue(browser.getPageSource().contains("Emergency block: review due by"));
                accessible(browser, "change log (DSL)");
                browser.findElement(By.cssSelector("form[action^='/keyword-lists/changes/'] button[value='review']"))
                        .click();
                new WebDriverWait(browser, Duration.ofMinutes(2)).until(d -> d.getPageSource().contains("review recorded"));
                assertTrue(browser.getPageSource().contains("Reviewed by mrs.khan"), browser.getPageSource());
                browser.findElement(By.cssSelector("form[action^='/filter-policy/changes/'] button[value='review']"))
                        .click();
                new WebDriverWait(browser, Duration.ofMinutes(2)).until(d -> d.getPageSource()
                        .contains("Reviewed emergency change"));
                accessible(browser, "policy changes after a review");
                browser.get("https://127.0.0.1:" + site.httpsPort + "/keyword-lists/changes");
                assertTrue(browser.getPageSource().split("Reviewed by mrs.khan", -1).length == 3,
                        "both blocks reviewed: " + browser.getPageSource());
            } finally {
                browser.quit();
            }
        }
    }

    private static void signIn(WebDriver browser, VigilSite site, String username) {
        browser.get("https://127.0.0.1:" + site.httpsPort + "/");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("totp")).sendKeys(site.auth.code(username));
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofMinutes(2)).until(d -> d.findElements(By.id("password")).isEmpty());
    }

    private static void accessible(WebDriver browser, String page) {
        assertEquals("", Axe.violations(browser), "axe-core violations on the " + page + " page");
    }
}
