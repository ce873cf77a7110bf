package org.mbmskeys.features.livingdocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens the living documentation that {@link LivingDocsTest} wrote in a real browser (headless chromium
 * through Selenium) from {@code file://}, as a reader would: the front page renders with its title and
 * results chart, a feature link leads to the feature's page with every example's results, every image
 * (state diagrams, ladders) loads, and the browser's console has no error (no script error, no missing
 * file). Runs in its own Surefire execution after {@code living-docs}.
 *
 * <p>Without a chromium binary the test is skipped, unless {@code CI=true}: then it fails, because CI
 * ({@code .ci/run}) installs chromium and chromium-driver.
 */
class LivingDocsBrowserTest {

    private static final Path SITE = Path.of(System.getProperty("mbmskeys.livingdocs.target", "target"))
            .resolve("living-docs").toAbsolutePath();

    /**
     * Selenium looks for DevTools bindings of the browser's version and warns when it has none (Debian's
     * chromium is often newer or older than the bindings); the tests use WebDriver only. Kept in a field:
     * JUL holds loggers weakly, and a collected logger forgets its level.
     */
    private static final Logger CDP_VERSION_WARNINGS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private static WebDriver browser;

    @BeforeAll
    static void openChromium() {
        CDP_VERSION_WARNINGS.setLevel(Level.SEVERE);
        if (Chromium.browser().isEmpty()) {
            String why = "no chromium binary (apt-get install chromium chromium-driver, or set CHROME_BIN)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + "; CI=true requires it");
            }
            Assumptions.abort(why);
        }
        Path driver = Chromium.driver().orElseThrow(() -> new AssertionError(
                "chromium is installed but chromedriver is not: apt-get install chromium-driver, or set CHROMEDRIVER"));
        assertThat(SITE.resolve("index.html")).as("the site the living-docs execution writes").isRegularFile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Chromium.browser().get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1024", "--no-first-run", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void the_console_has_no_errors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        assertThat(errors).as("the browser console (script errors, files that did not load)").isEmpty();
    }

    private static void open(String page) {
        browser.get(SITE.resolve(page).toUri().toString());
    }

    @Test
    void the_front_page_renders_with_its_title_results_chart_and_sections() {
        open("index.html");
        assertThat(browser.getTitle()).isEqualTo("mbms-keys living documentation");
        WebElement chart = browser.findElement(By.cssSelector("svg.chart"));
        assertThat(chart.isDisplayed()).isTrue();
        assertThat(chart.getSize().getWidth()).isGreaterThan(100);
        assertThat(chart.findElements(By.tagName("rect"))).isNotEmpty();
        for (String section : List.of("results", "procedures", "features", "coverage")) {
            assertThat(browser.findElement(By.id(section)).isDisplayed()).as(section).isTrue();
        }
        assertThat(browser.findElement(By.cssSelector("link[rel=stylesheet]")).getAttribute("href")).endsWith("style.css");
        // the style sheet applied: the navigation bar has its colour
        assertThat(browser.findElement(By.tagName("nav")).getCssValue("background-color")).isNotIn("rgba(0, 0, 0, 0)", "transparent");
        assertImagesLoaded();
    }

    @Test
    void a_feature_link_leads_to_the_features_page_with_each_examples_results() {
        open("index.html");
        List<WebElement> features = browser.findElements(By.cssSelector("a.feature"));
        assertThat(features).as("feature links on the front page").isNotEmpty();
        String name = features.get(0).getText();
        features.get(0).click();
        assertThat(browser.getTitle()).isEqualTo("Feature: " + name);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(name);
        List<WebElement> runs = browser.findElements(By.cssSelector("tr[data-scenario]"));
        assertThat(runs).isNotEmpty();
        for (WebElement run : runs) {
            assertThat(run.isDisplayed()).isTrue();
            assertThat(run.findElements(By.cssSelector("td.status"))).hasSize(LivingDocs.BACKENDS.size());
        }
        assertImagesLoaded();
    }

    @Test
    void every_page_with_a_diagram_shows_it() throws Exception {
        List<Path> pages;
        try (var walk = Files.walk(SITE)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        int images = 0;
        for (Path page : pages) {
            open(SITE.relativize(page).toString());
            images += assertImagesLoaded();
        }
        long diagrams;
        try (var walk = Files.walk(SITE)) {
            diagrams = walk.filter(p -> p.toString().endsWith(".svg")).count();
        }
        assertThat(images).as("images shown").isGreaterThanOrEqualTo((int) diagrams);
    }

    @Test
    void the_coverage_page_renders() {
        open("coverage.html");
        assertThat(browser.getTitle()).isEqualTo("Coverage by clause");
        assertThat(browser.findElement(By.tagName("h1")).isDisplayed()).isTrue();
    }

    /** Every image of the open page loaded, is an image and takes room; returns how many there are. */
    private static int assertImagesLoaded() {
        List<WebElement> images = browser.findElements(By.tagName("img"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (WebElement img : images) {
            js.executeScript("arguments[0].scrollIntoView()", img);
            Object width = js.executeScript("return arguments[0].complete && arguments[0].naturalWidth", img);
            assertThat(((Number) width).intValue()).as("natural width of " + img.getAttribute("src") + " on " + browser.getCurrentUrl())
                    .isGreaterThan(0);
            assertThat(img.isDisplayed()).isTrue();
        }
        return images.size();
    }
}
