package gongkai.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, both named by path so that nothing is downloaded.
 * Missing browser: skipped with a visible message, except under CI, where browser tests must run.
 */
public final class Browser {

    private static final File CHROMIUM = new File(env("GONGKAI_TEST_CHROMIUM", "/usr/bin/chromium"));
    private static final File DRIVER = new File(env("GONGKAI_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {
    }

    public static ChromeDriver start(int width, int height) throws IOException {
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
        driver.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(5));
        return driver;
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static Path screenshot(ChromeDriver driver, String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }
}
