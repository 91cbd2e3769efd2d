package cn.ipf.app.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A headless Debian Chromium driven through Selenium for the console's browser tests, one per test class: pages are
 * screenshotted on a desktop and at 375 px wide (under {@code target/screenshots/}) and scanned with axe-core (from
 * its webjar) for serious and critical accessibility violations. Selenium Manager is never asked for anything: the
 * driver and browser are Debian's. Where Chromium is not installed the tests are skipped with that message, never
 * passed ({@link #start()}).
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long a click may take to show the next page. */
    private static final Duration NAVIGATION = Duration.ofSeconds(10);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A fresh browser for the server at {@code base}; skips the calling test class when Chromium is absent. */
    public static Browser start(String base) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver): browser tests SKIPPED; "
                        + "apt-get install chromium chromium-driver to run them");
        try {
            Path profile = Files.createTempDirectory("ipf-chromium-");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                    "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            Files.createDirectories(SCREENSHOTS);
            return new Browser(driver, profile, base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public String text() {
        return new WebDriverWait(driver, NAVIGATION).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.tagName("body")).getText());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Browser type(String css, String value) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Clicks; a link or a submit button also waits for the page it leads to (see {@link #clickAndWait}). */
    public Browser click(String css) {
        WebElement target = find(css);
        boolean navigates = List.of("a", "button").contains(target.getTagName())
                || "submit".equals(target.getDomAttribute("type"));
        if (navigates) {
            clickAndWait(target);
        } else {
            target.click();
        }
        return this;
    }

    /** Follows the link with exactly this text. */
    public Browser follow(String linkText) {
        clickAndWait(driver.findElement(By.linkText(linkText)));
        return this;
    }

    /**
     * Whether the page's root element is gone. Chromium reports a node of a page being replaced either as stale or,
     * in the moment between, as a node that "does not belong to the document".
     */
    private static boolean gone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Clicks, then waits until the page that was shown is gone and the next one has loaded, so that what is read next
     * is the new page (reading while it loads gives a stale element). A click that turns out not to navigate (a
     * refused submit) goes on after the wait.
     */
    private void clickAndWait(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        try {
            new WebDriverWait(driver, NAVIGATION).until(d -> gone(page));
        } catch (TimeoutException e) {
            return; // nothing navigated
        }
        new WebDriverWait(driver, NAVIGATION).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public Browser signIn(String username, String password) {
        open("/login").type("#username", username).type("#password", password).click("button[type=submit]");
        return this;
    }

    public Browser signOut() {
        click("form[action$='/logout'] button");
        return this;
    }

    /**
     * Screenshots the whole page on a desktop ({@code name.png}, 1280 px wide) and at 375 px wide
     * ({@code name-375.png}, where nothing may scroll sideways), then scans it with axe-core: no serious or critical
     * violation.
     */
    public Browser check(String name) {
        try {
            fullPage(name, 1280, false);
            fullPage(name + "-375", 375, true);
            assertThat(horizontalOverflow()).as("%s scrolls sideways at 375 px", name).isFalse();
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
        assertThat(seriousViolations()).as("axe-core on %s (%s)", name, path()).isEmpty();
        return this;
    }

    private void fullPage(String name, int width, boolean mobile) {
        metrics(width, 900, mobile);
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight;")).longValue();
        metrics(width, (int) Math.min(height, 8000), mobile);
        screenshot(name);
    }

    private void metrics(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    public void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean horizontalOverflow() {
        return Boolean.TRUE.equals(driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;"));
    }

    /** axe-core's serious and critical violations of the page, as "rule: target …" lines. */
    public List<String> seriousViolations() {
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));");
        String json = String.valueOf(result);
        if (json.startsWith("error: ")) {
            throw new AssertionError("axe-core failed: " + json);
        }
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : JSON.readTree(json)) {
            String impact = violation.path("impact").asString("");
            if (impact.equals("serious") || impact.equals("critical")) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(n -> targets.add(n.path("target").toString()));
                serious.add(violation.path("id").asString() + " (" + impact + "): " + targets);
            }
        }
        return serious;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " not on the test classpath (org.webjars.npm:axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
