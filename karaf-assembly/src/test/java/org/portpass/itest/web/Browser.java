package org.portpass.itest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Debian's chromedriver, with the helpers page objects share:
 * waiting for elements, screenshots, the accessibility check. Selenium Manager never runs: the
 * driver and the browser are given by path.
 */
public final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  /** How long a screen may take to show what is awaited: generous, a loaded CI machine is slow. */
  static final Duration WAIT = Duration.ofSeconds(30);

  final WebDriver driver;
  final String url;
  private final Path profile;

  private Browser(WebDriver driver, String url, Path profile) {
    this.driver = driver;
    this.url = url;
    this.profile = profile;
  }

  /**
   * Skips the calling test when Chromium is missing, unless {@code -Dportpass.browser=required}
   * (CI), which fails it instead.
   */
  static void assumeAvailable() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (present) {
      return;
    }
    String how =
        "browser tests need Debian's chromium and chromium-driver"
            + " (apt-get install -y chromium chromium-driver)";
    if ("required".equals(System.getProperty("portpass.browser"))) {
      fail(how + ", and -Dportpass.browser=required is set");
    }
    Assumptions.abort(
        "Browser tests skipped: " + how + "; -Dportpass.browser=required fails instead");
  }

  /** A new browser with a fresh profile (no cache, no storage) at the given width. */
  static Browser open(int width, int height) {
    String url = WebServer.url(); // first: a failed start must leave no browser behind
    try {
      Path profile = Files.createTempDirectory("portpass-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-dev-shm-usage",
          "--user-data-dir=" + profile,
          "--window-size=" + width + "," + height,
          "--lang=zh-TW");
      // the page's console goes next to each screenshot, to see why a screen failed
      org.openqa.selenium.logging.LoggingPreferences logs =
          new org.openqa.selenium.logging.LoggingPreferences();
      logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      return new Browser(driver, url, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens a route of the application, e.g. {@code /persons}. */
  void go(String route) {
    String target = url + "#" + route;
    if (driver.getCurrentUrl().equals(target)) {
      driver.navigate().refresh(); // the same address: no hashchange, so load it again
    } else {
      driver.get(target);
    }
  }

  WebElement find(String css) {
    return new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  void waitFor(String css) {
    find(css);
  }

  /** Waits until the element's text contains the given text. */
  void waitForText(String css, String text) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  /** Waits until the element exists with a text other than {@code before}; returns the text. */
  String changedText(String css, String before) {
    return new WebDriverWait(driver, WAIT)
        .until(
            d -> {
              List<WebElement> found = d.findElements(By.cssSelector(css));
              String text = found.isEmpty() ? null : found.get(0).getText();
              return text != null && !text.equals(before) ? text : null;
            });
  }

  /** Sets a date input the way a date picker does (typing into one depends on the locale). */
  void setDate(String css, String isoDate) {
    script(
        "const e = arguments[0]; e.value = arguments[1];"
            + " e.dispatchEvent(new Event('input', {bubbles: true}));"
            + " e.dispatchEvent(new Event('change', {bubbles: true}));",
        find(css),
        isoDate);
  }

  void waitUntilGone(String css) {
    new WebDriverWait(driver, WAIT)
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
  }

  void type(String css, String text) {
    WebElement input = find(css);
    input.clear();
    input.sendKeys(text);
  }

  void click(String css) {
    WebElement element =
        new WebDriverWait(driver, WAIT)
            .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    element.click();
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /** The heading of the current screen. */
  String heading() {
    return find("main h1").getText();
  }

  /** Saves a screenshot of the whole page as target/screenshots/{name}.png. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      List<String> console =
          driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
              .map(e -> e.getLevel() + " " + e.getMessage())
              .toList();
      Files.write(SCREENSHOTS.resolve(name + ".console.txt"), console);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs axe-core on the current page: no serious or critical violation of WCAG 2.1 A/AA. */
  void assertAccessible(String screen) {
    AxeBuilder axe =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"));
    Results results;
    try {
      results = axe.analyze(driver);
    } catch (RuntimeException e) {
      // axe opens a helper window; on a loaded machine switching to it now and then fails
      results = axe.analyze(driver);
    }
    List<Rule> bad =
        results.getViolations().stream()
            .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
            .toList();
    assertEquals(
        List.of(),
        bad.stream()
            .map(
                v ->
                    v.getId()
                        + " ("
                        + v.getImpact()
                        + "): "
                        + v.getHelp()
                        + " at "
                        + v.getNodes().stream()
                            .map(n -> String.valueOf(n.getTarget()))
                            .collect(Collectors.joining(", ")))
            .toList(),
        "accessibility violations on " + screen);
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary profile is harmless
    }
  }
}
