package dev.stave.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the web face's end-to-end tests: Debian's headless Chromium driven through its
 * chromedriver by Selenium, with the two checks every page test makes — an accessibility scan
 * (Deque's axe-core: no serious or critical violation) and a screenshot under {@code
 * target/screenshots/} for review.
 *
 * <p>Decision: the browser and driver are the system's ({@code /usr/bin/chromium}, {@code
 * /usr/bin/chromedriver}, installed by {@code .ci/run}), named explicitly so Selenium never tries
 * to download either. Without them a test skips locally with the install command and fails under CI
 * ({@link RequiredTool}). One browser per test class: starting Chromium costs about a second.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

  private final WebDriver driver;
  private final String baseUrl;

  private Browser(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts a headless Chromium for pages under {@code baseUrl} (such as {@code
   * http://127.0.0.1:PORT}), or skips/fails the calling test when the browser is not installed.
   */
  public static Browser open(String baseUrl) {
    RequiredTool.require(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)
            ? null
            : "headless Chromium is not installed (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--autoplay-policy=no-user-gesture-required",
        "--mute-audio",
        "--no-first-run",
        "--disable-extensions");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new Browser(
        driver, baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens {@code path} (such as {@code /albums/33}) on the server under test. */
  public Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public WebElement find(String cssSelector) {
    return driver.findElement(By.cssSelector(cssSelector));
  }

  public List<WebElement> findAll(String cssSelector) {
    return driver.findElements(By.cssSelector(cssSelector));
  }

  /**
   * Waits up to {@code seconds} for {@code condition} to give a non-null, non-false value. An
   * element that went stale while htmx swapped the page is asked for again, not a failure.
   */
  public <T> T waitFor(int seconds, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(seconds))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Runs a script in the page and returns its result. */
  public Object script(String javaScript, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(javaScript, args);
  }

  /** Writes a PNG of the viewport to {@code target/screenshots/NAME.png} and returns its path. */
  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Scans the current page with axe-core and fails, listing each rule and the elements it names,
   * when any violation is serious or critical.
   */
  public void assertAccessible() {
    Results results = new AxeBuilder().analyze(driver);
    List<String> blocking =
        results.getViolations().stream()
            .filter(r -> BLOCKING_IMPACTS.contains(r.getImpact()))
            .map(Browser::describe)
            .toList();
    assertThat(blocking)
        .as("serious or critical accessibility violations on %s", driver.getCurrentUrl())
        .isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getImpact()
        + " "
        + rule.getId()
        + ": "
        + rule.getHelp()
        + " "
        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
