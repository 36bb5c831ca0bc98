package org.geoserver.cluster.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both named by path, so that
 * Selenium Manager never looks for (or downloads) a browser or a driver. A fresh profile each
 * time, and nothing of the browser's own that talks to the network (updates, sync, QUIC).
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** Why the browser cannot run here (what is not installed), or null when it can. */
    public static String missing() {
        String absent = Stream.of(BINARY, DRIVER).filter(p -> !Files.isExecutable(p)).map(Path::toString).collect(Collectors.joining(" and "));
        return absent.isEmpty() ? null : absent + " not installed (Debian: apt-get install chromium chromium-driver)";
    }

    /** Starts the browser with its profile and the driver's log in {@code folder}, its window of the given size. */
    public static HeadlessChromium start(Path folder, int width, int height) {
        try {
            KarafNode.deleteRecursively(folder);
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + folder, e);
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(folder.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + folder.resolve("profile").toAbsolutePath(), "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        try {
            return new HeadlessChromium(service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits until {@code condition} gives true or a non-null value; elements missing or replaced meanwhile mean "not yet". */
    public <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .withMessage(what)
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** The window as a PNG, saved as {@code file}: what a person sees, e.g. a dialog over its backdrop. */
    public Path screenshot(Path file) {
        return save(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * The whole page as a PNG, as wide as the window and beyond its height, saved as {@code file}.
     * The page is laid out again for the capture without a scroll bar: as wide as the window.
     */
    @SuppressWarnings("unchecked")
    public Path fullPageScreenshot(Path file) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Number width = (Number) driver.executeScript("return window.innerWidth");
        Number height = ((Map<String, Number>) metrics.get("cssContentSize")).get("height");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        return save(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private static Path save(Path file, byte[] png) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The messages of the page's console since the last call (errors: {@link Level#SEVERE}). */
    public List<LogEntry> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
