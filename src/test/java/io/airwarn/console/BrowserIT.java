package io.airwarn.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airwarn.platform.AppProcesses;
import io.airwarn.platform.AppProcesses.Instance;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole flow in a real browser (Debian's Chromium) against the packaged application with its demo data: the
 * duty officer signs in, sees a proposal, drafts and previews a warning, submits it; the commander approves it; the
 * orders and the sandbox messages appear; the enterprise acknowledges and reports its measures in the portal; the
 * public page and the CAP feed show the warning; the warning is lifted. Screenshots go to docs/screenshots/.
 */
class BrowserIT {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");
    private static Path temp;
    private static Instance app;
    private static WebDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        temp = Files.createTempDirectory("airwarn-browser");
        app = AppProcesses.start(Map.of("AIRWARN_DATA_DIR", temp.resolve("data").toString(),
                "AIRWARN_SESSION_KEY", "browser-test-session-key-0123456789"), temp.resolve("app.log"), 0);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100",
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // An element found on the page a click is leaving goes stale as the next page arrives: ask again.
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    private static String url(String path) {
        return "http://localhost:" + app.port() + path;
    }

    private static void open(String path) {
        browser.get(url(path));
    }

    private static void signIn(String user) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-demo");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-user")));
    }

    private static void signOut() {
        browser.findElement(By.cssSelector("form.logout button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
    }

    /** HTTP Basic for a demo user, for the API calls the test makes beside the browser. */
    private static String basic(String user) {
        return AppProcesses.basic(user, user + "-demo");
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String text(By by) {
        return browser.findElement(by).getText();
    }

    /** The warning page's state as the system names it. */
    private static String state() {
        return browser.findElement(By.id("warning-state")).getAttribute("data-state");
    }

    /** Makes the browser a 390 px wide phone until {@link #desktop()}. */
    private static void phone() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390,
                "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    private static void desktop() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * On a 390 px phone the page is no wider than the screen (wide tables scroll in their own box); the screenshot
     * shows it.
     */
    private static void assertFitsAPhone(String path, String screenshot) throws Exception {
        phone();
        try {
            open(path);
            long width = ((Number) ((ChromeDriver) browser).executeScript(
                    "return document.documentElement.scrollWidth")).longValue();
            assertTrue(width <= 390, path + " is " + width + " px wide on a 390 px phone");
            screenshot(screenshot);
        } finally {
            desktop();
        }
    }

    private static void setValue(WebElement input, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", input,
                value);
    }

    private static void act(int warning, String user, By button) {
        signIn(user);
        open("/console/warnings/" + warning);
        browser.findElement(button).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    }

    @Test
    void fromProposalToLiftInTheBrowser() throws Exception {
        // A replayed forecast from the demo data's worst episode raises a proposal for Changchun: issued at 6:00,
        // before the model's first issue hour, it forecasts from the whole of 12-20 (AQI 269) with the fits that
        // decide on their probabilities at leads 1 and 2 without weather.
        var replay = app.send(java.net.http.HttpRequest.newBuilder(app.uri(
                        "/api/forecast/run?city=220100&issuedAt=2015-12-21T06:00%2B08:00"))
                .header("Authorization", basic("duty"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, replay.statusCode(), replay.body());
        var proposals = java.net.http.HttpRequest.newBuilder(app.uri("/api/warnings/proposals"))
                .header("Authorization", basic("viewer")).build();
        // The proposal follows the forecast asynchronously.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            try {
                return app.send(proposals).body().contains("\"city\":\"220100\"");
            } catch (Exception e) {
                return false;
            }
        });

        open("/");
        assertTrue(browser.findElement(By.id("map-220100")).isDisplayed());

        signIn("duty");
        assertFalse(browser.findElements(By.cssSelector("[id^=proposal-]")).isEmpty(), "the proposal is listed");
        screenshot("console-overview");

        open("/console/cities/220100");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-daily canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-forecast canvas")));
        // The replayed run's lead-1 day has been observed: it is verified, and its probability plotted.
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-reliability canvas")));
        assertTrue(text(By.id("verification")).contains("CSI"), text(By.id("verification")));
        screenshot("console-city");

        // The language switch comes back to the page it was used on.
        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Changchun"));
        assertTrue(browser.getCurrentUrl().endsWith("/console/cities/220100"), browser.getCurrentUrl());
        open("/console");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Province at a glance"));
        screenshot("console-overview-en");
        browser.findElement(By.id("language")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "全省概况"));

        // The console alone, as a new duty officer would: the form's own start (lead time allowing) and a RED.
        open("/console/warnings/new");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("draft-city"))).selectByValue("220100");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("draft-level"))).selectByValue("RED");
        browser.findElement(By.id("draft-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("preview")));
        int warning = Integer.parseInt(browser.getCurrentUrl().replaceAll(".*/console/warnings/(\\d+).*", "$1"));
        assertTrue(Integer.parseInt(text(By.id("preview-messages"))) > 100, "the preview counts the messages");
        screenshot("console-preview");
        browser.findElement(By.id("action-submit")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("warning-state"), "data-state", "SUBMITTED"));
        signOut();

        act(warning, "commander", By.id("action-approve"));
        assertEquals("ISSUED", state());
        assertEquals("已发布", text(By.id("warning-state")), "the state in words");
        open("/console/sandbox?to=");
        reloadUntil(d -> d.getPageSource().contains("长春市重污染天气应急指挥部"));
        screenshot("console-sandbox");
        open("/console/warnings/" + warning);
        assertTrue(browser.findElement(By.id("delivery-ENTERPRISE")).isDisplayed());
        screenshot("console-response");
        assertFitsAPhone("/console/warnings/" + warning, "console-response-390");
        signOut();

        signIn("enterprise");
        assertTrue(browser.getCurrentUrl().endsWith("/portal"), browser.getCurrentUrl());
        WebElement order = browser.findElement(By.cssSelector("section[id^=order-]"));
        String code = order.getAttribute("id").substring("order-".length());
        browser.findElement(By.id("ack-" + code)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        browser.findElement(By.cssSelector("#order-" + code + " input[name=note]")).sendKeys("焦炉已停 coke ovens off");
        browser.findElement(By.id("measures-" + code)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("order-" + code), "焦炉已停"));
        screenshot("portal");
        signOut();

        signIn("duty");
        open("/console/warnings/" + warning + "?q=" + code);
        String row = text(By.id("order-" + code));
        assertTrue(row.contains("网页") && row.contains("焦炉已停"), "the duty officer sees it at once: " + row);

        open("/");
        reloadUntil(d -> !d.findElements(By.id("unit-220100")).isEmpty());
        screenshot("public-page");
        assertFitsAPhone("/", "public-page-390");
        open("/cap/alerts.atom");
        assertTrue(browser.getPageSource().contains("/cap/airwarn-" + warning + "-"), "the CAP feed lists it");

        // And back, on a phone: the new-warning form fits, the duty officer asks to lift, the approver approves.
        assertFitsAPhone("/console/warnings/new", "console-new-warning-390");
        phone();
        try {
            open("/console/warnings/" + warning);
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("change-level"))).selectByValue("NONE");
            browser.findElement(By.id("change-reason")).sendKeys("空气质量好转 air cleared");
            browser.findElement(By.id("action-change")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("warning-state"), "data-state", "CHANGE_SUBMITTED"));
            signOut();
            act(warning, "approver", By.id("action-approve"));
            assertEquals("LIFTED", state());
            screenshot("console-lifted-390");
        } finally {
            desktop();
        }
        open("/");
        // The public page may serve its warnings for up to AIRWARN_PUBLIC_CACHE (5 s) after a change.
        reloadUntil(d -> d.findElements(By.id("unit-220100")).isEmpty());
    }

    /**
     * Reloads the page until {@code done} holds: a page may show a change only after its cache (up to 5 s). A reload
     * that Chromium aborts because the page was still navigating is tried again, not taken for a failure.
     */
    private static void reloadUntil(Function<WebDriver, Boolean> done) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class).until(d -> {
            d.navigate().refresh();
            return done.apply(d);
        });
    }
}
