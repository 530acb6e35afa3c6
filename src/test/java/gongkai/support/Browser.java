package gongkai.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, both named by path so that nothing is downloaded; a JUnit
 * extension that starts one browser per test class and quits it afterwards:
 * {@code @RegisterExtension static final Browser browser = Browser.desktop();}.
 * Missing browser: skipped with a visible message, except under CI, where browser tests must run.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {

    private static final File CHROMIUM = new File(env("GONGKAI_TEST_CHROMIUM", "/usr/bin/chromium"));
    private static final File DRIVER = new File(env("GONGKAI_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

    private final int width;
    private final int height;
    private final boolean exactViewport;
    private ChromeDriver driver;

    private Browser(int width, int height) {
        this(width, height, false);
    }

    private Browser(int width, int height, boolean exactViewport) {
        this.width = width;
        this.height = height;
        this.exactViewport = exactViewport;
    }

    /** A desktop window. */
    public static Browser desktop() {
        return new Browser(1280, 1000);
    }

    /**
     * A common phone's screen, 390 × 844 CSS pixels exactly ({@link #window}): a headless window asked for a phone's
     * width would render some 500 pixels wide and hide what a phone shows.
     */
    public static Browser phone() {
        return window(390, 844);
    }

    /**
     * A viewport of exactly the given size in CSS pixels: below 600 pixels as a phone's browser has it (mobile, no
     * scroll bar), e.g. 390 × 844; wider as a desktop's (1366 × 900, with a scroll bar). A headless window is never
     * narrower than 500 pixels, less a scroll bar: narrower sizes need the device emulation of Chromium's DevTools.
     */
    public static Browser window(int width, int height) {
        return new Browser(width, height, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        driver = start(width, height);
        if (exactViewport) {
            emulate(width, height);
        }
    }

    /** Shows pages in a viewport of exactly this size, a phone's (mobile, no scroll bar) below 600 pixels. */
    private void emulate(int viewportWidth, int viewportHeight) {
        driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewportWidth,
                "height", viewportHeight, "deviceScaleFactor", 1, "mobile", viewportWidth < 600));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    /** The running browser, for waits, scripts and DevTools commands. */
    public ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("the browser runs only while its test class does");
        }
        return driver;
    }

    public void get(String url) {
        driver().get(url);
    }

    public WebElement findElement(By by) {
        return driver().findElement(by);
    }

    public List<WebElement> findElements(By by) {
        return driver().findElements(by);
    }

    public String getCurrentUrl() {
        return driver().getCurrentUrl();
    }

    public String getPageSource() {
        return driver().getPageSource();
    }

    /**
     * Clicks the button that reads exactly this text. When that sends its form (a submit button of a form the browser
     * finds valid), waits for the next page: chromedriver's click may return before the navigation starts, and a page
     * read at once would be the old one.
     */
    public void clickButton(String text) {
        WebElement button = findElement(By.xpath("//button[normalize-space()='" + text + "']"));
        boolean sends = Boolean.TRUE.equals(driver().executeScript(
                "const b = arguments[0], f = b.form;"
                        + "return !!f && b.type === 'submit' && (f.noValidate || b.formNoValidate || f.checkValidity());",
                button));
        WebElement page = sends ? findElement(By.tagName("html")) : null;
        button.click();
        if (page != null) {
            new org.openqa.selenium.support.ui.WebDriverWait(driver(), Duration.ofSeconds(15)).until(d -> gone(page));
        }
    }

    /**
     * Whether the element's page has been replaced. While the next page loads, chromedriver may answer for an element
     * of the old one "Node with given id does not belong to the document" instead of a stale reference: gone too.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException stale) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Signs in through the back office's form at {@code base} (e.g. {@code http://localhost:8080}) and waits for the
     * answer: a page opened before it would be asked for without the session.
     */
    public void signIn(String base, String username, String password) {
        get(base + "/admin/login");
        findElement(By.id("username")).sendKeys(username);
        findElement(By.id("password")).sendKeys(password);
        findElement(By.cssSelector("main form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/admin/login"));
    }

    /** Waits until the address contains this part, e.g. after a form was sent. */
    public void waitForUrlContaining(String part, Duration timeout) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver(), timeout)
                .until(d -> d.getCurrentUrl().contains(part));
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver().getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /** Saves the whole page, beyond the window, under target/screenshots (Chromium's DevTools screenshot). */
    public Path screenshotWholePage(String name) throws IOException {
        Map<String, Object> metrics = driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", ((Number) size.get("width")).doubleValue(),
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> shot = driver().executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        return file;
    }

    /** axe-core finds no violation at all, of any impact (minor and moderate included), on the page shown now. */
    public void assertNoAccessibilityProblems() {
        // No implicit wait while axe-core looks for frames: a page without any would wait it out. Legacy mode runs
        // axe-core in the page itself: the default mode finishes in a new window under a page-load timeout of one
        // second, which a busy machine overran ("Timed out receiving message from renderer: 1.000"). Our pages have
        // no frames from other origins, the one thing legacy mode cannot reach.
        driver().manage().timeouts().implicitlyWait(Duration.ZERO);
        Results results;
        try {
            results = new AxeBuilder().setLegacyMode(true).analyze(driver());
        } finally {
            driver().manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
        List<String> violations = results.getViolations().stream().map(Browser::describe).toList();
        assertThat(violations).as("axe-core violations on " + getCurrentUrl()).isEmpty();
    }

    /**
     * The page shown now does not scroll sideways: nothing is wider than the viewport. A failure names the innermost
     * elements that reach beyond it (outside any box that scrolls or clips them).
     */
    public void assertNoSidewaysScroll() {
        long overflow = ((Number) driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
        if (overflow <= 0) {
            return;
        }
        Object culprits = driver().executeScript("const w = document.documentElement.clientWidth;"
                + "const clipped = e => { if (getComputedStyle(e).position === 'absolute') return false;"
                + "  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {"
                + "    if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };"
                + "const wide = Array.from(document.body.querySelectorAll('*'))"
                + "  .filter(e => e.getBoundingClientRect().right > w + 0.5 && !clipped(e));"
                + "const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                + "  + (typeof e.className === 'string' && e.className.trim()"
                + "    ? '.' + e.className.trim().split(/\\s+/).join('.') : '');"
                + "return wide.filter(e => !wide.some(o => o !== e && e.contains(o))).slice(0, 5)"
                + "  .map(e => name(e) + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');");
        assertThat(overflow).as("sideways scroll on %s, reaching beyond: %s", getCurrentUrl(), culprits)
                .isLessThanOrEqualTo(0L);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes().stream()
                .limit(3).map(n -> String.valueOf(n.getTarget())).toList();
    }

    private static ChromeDriver start(int width, int height) throws IOException {
        if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
            String message = "Chromium or chromedriver missing (" + CHROMIUM + ", " + DRIVER
                    + "): browser tests SKIPPED. scripts/prepare-test-env.sh installs them.";
            System.err.println("*** " + message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI requires the browser tests to run: " + message);
            }
            Assumptions.abort(message);
        }
        Path profile = Files.createTempDirectory("gongkai-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // A click that submits a form returns before the next page has loaded: look for elements for a while.
        driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        return driver;
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
