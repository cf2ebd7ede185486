package io.subregistry.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium driven through chromedriver, for tests that look at the pages as a
 * person does: navigation, screenshots, axe-core accessibility checks. Nothing is downloaded:
 * the browser and driver come from apt, axe-core from {@code npm ci --prefix src/test/browser}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path AXE = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    /** CI sets it, so that a missing browser fails the build instead of skipping the test. */
    public static final String REQUIRED = "REQUIRE_BROWSER_TESTS";

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Path profile;
    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.profile = Files.createTempDirectory("registry-chromium-");
        // An explicit driver keeps Selenium Manager from looking for (and downloading) one.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,1600", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
    }

    /**
     * Starts a browser on the test server, or skips the calling test (an assumption) when Chromium,
     * chromedriver or axe-core is missing; with {@code REQUIRE_BROWSER_TESTS=true} that fails instead.
     */
    public static Browser open(String baseUrl) {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (apt-get install -y chromium)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER + " (apt-get install -y chromium-driver)");
        }
        if (!Files.isReadable(AXE)) {
            missing.add(AXE + " (npm ci --prefix src/test/browser)");
        }
        if (!missing.isEmpty()) {
            String message = "Browser tests need " + String.join(", ", missing);
            if ("true".equalsIgnoreCase(System.getenv(REQUIRED))) {
                fail(message + "; " + REQUIRED + "=true makes them mandatory");
            }
            assumeTrue(false, message + "; skipped (set " + REQUIRED + "=true to fail instead)");
        }
        try {
            return new Browser(baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the test server, or a link from a mail (whose base is the configured public URL). */
    public void go(String pathOrMailLink) {
        String path = pathOrMailLink.replaceFirst("^https?://[^/]+", "");
        driver.get(baseUrl + (path.startsWith("/") ? path : "/" + path));
    }

    public void reload() {
        driver.navigate().refresh();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    public <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** Clicks a submit button and waits until the answer has replaced the page and shows {@code arrived}. */
    public void submit(WebElement button, ExpectedCondition<?> arrived) {
        WebElement html = find("html");
        button.click();
        waitFor(replaced(html));
        waitFor(arrived);
    }

    /**
     * The page an element belonged to is gone. Chromium reports an element of a document being
     * replaced at that moment not always as stale but as "does not belong to the document" (a
     * plain WebDriverException, which ExpectedConditions.stalenessOf lets through on a busy machine).
     */
    private static ExpectedCondition<Boolean> replaced(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    public void submit(String buttonText, ExpectedCondition<?> arrived) {
        submit(driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")), arrived);
    }

    public static ExpectedCondition<WebElement> heading(String text) {
        return ExpectedConditions.visibilityOfElementLocated(By.xpath("//h1[normalize-space()='" + text + "']"));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Makes the page a phone's: a mobile viewport of that size (the page's meta viewport applies). */
    public void emulatePhone(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    public void emulateDesktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * How many CSS pixels the document is wider than the layout viewport (0 when nothing overflows
     * sideways). Not window.innerWidth: on a (emulated) phone the browser zooms out to show content
     * that overflows, and innerWidth grows with it, hiding the very overflow we look for.
     */
    public long horizontalOverflow() {
        return ((Number) script("return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth);"))
                .longValue();
    }

    /** The width of the layout viewport in CSS pixels. */
    public long viewportWidth() {
        return ((Number) script("return document.documentElement.clientWidth;")).longValue();
    }

    /** Saves a PNG of the whole page (not only the viewport) as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Number> content = (Map<String, Number>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", Math.ceil(content.get("width").doubleValue()),
                "height", Math.ceil(content.get("height").doubleValue()));
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core on the current page and returns its violations of the given impacts, one line
     * each ("rule (impact): help — element: summary"). WebDriver's scripts are not bound by the
     * page's Content-Security-Policy, so injecting axe works although the site allows no script.
     */
    public List<String> accessibilityViolations(List<String> impacts) {
        try {
            script(Files.readString(AXE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const impacts = arguments[0];
                axe.run(document, { resultTypes: ['violations'] }).then(results => done(results.violations
                        .filter(v => impacts.includes(v.impact))
                        .flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                                + n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ')))),
                    error => done(['axe failed: ' + error]));
                """, impacts);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) result;
        return violations;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
