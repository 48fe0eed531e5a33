package org.portpass.itest.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web application's figures, measured in headless Chromium with the Navigation and Resource
 * Timing APIs (not a test: prints a table and writes target/benchmark-web.md): time from opening
 * the page with a cold cache to the first usable screen after login, the bytes transferred for it,
 * the same with a warm cache, and the 200-line form.
 */
class WebBenchmark {
  @BeforeAll
  static void server() {
    Browser.assumeAvailable();
  }

  @Test
  void measure() throws Exception {
    List<String> rows = new ArrayList<>();
    try (Browser browser = Browser.open(1280, 1000)) {
      // cold cache: a fresh profile; from navigation start to the login form, then to the forms
      // list
      browser.driver.get(browser.url + "#/login");
      browser.waitFor("#login-submit");
      double loginReady = number(browser, "return performance.now()");
      new LoginPage(browser).fill("alpha-user", "portpass-demo");
      double clicked = number(browser, "return performance.now()");
      browser.click("#login-submit");
      browser.waitFor("#drafts-heading");
      browser.waitFor("#submitted-heading");
      double usable = number(browser, "return performance.now()");
      double bytes =
          number(
              browser,
              "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                  + ".reduce((n, e) => n + (e.transferSize || 0), 0)");
      // the floor of the same run: the server's and the browser's own part, before any script
      double htmlAnswered =
          number(browser, "return performance.getEntriesByType('navigation')[0].responseEnd");
      rows.add(
          row(
              "reference: the page's HTML answered (cold cache, no script yet)",
              "%.0f ms",
              htmlAnswered));
      rows.add(
          row("login screen usable after opening the page (cold cache)", "%.0f ms", loginReady));
      rows.add(
          row("first screen (forms) usable after pressing log in", "%.0f ms", usable - clicked));
      rows.add(row("bytes transferred for both (cold cache, gzip)", "%.0f KB", bytes / 1024));
      browser.driver.navigate().refresh();
      browser.waitFor("#drafts-heading");
      double warm = number(browser, "return performance.now()");
      double warmBytes =
          number(
              browser,
              "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                  + ".reduce((n, e) => n + (e.transferSize || 0), 0)");
      rows.add(row("forms screen after a reload (warm cache)", "%.0f ms", warm));
      rows.add(row("bytes transferred on reload (warm cache)", "%.1f KB", warmBytes / 1024));
    }
    long formId = LargeFormWebIT.draftWith200Lines();
    try (Browser browser = Browser.open(1280, 1000)) {
      LoginPage.open(browser).loginAs("beta-user");
      rows.add(
          row(
              "200-line form: all lines shown",
              "%.0f ms",
              LargeFormWebIT.openDraft(browser, formId)));
      rows.add(
          row(
              "200-line form: apply dates to all",
              "%.0f ms",
              LargeFormWebIT.applyToAll(
                  browser, java.time.LocalDate.now().plusDays(4).toString())));
      rows.add(
          row(
              "200-line form: one date typed",
              "%.0f ms",
              LargeFormWebIT.typeDate(
                  browser, 100, java.time.LocalDate.now().plusDays(2).toString())));
    }
    List<String> table = new ArrayList<>(List.of("| measure | result |", "|---|---|"));
    table.addAll(rows);
    table.forEach(System.out::println);
    Files.write(Path.of("target/benchmark-web.md"), table);
  }

  private static double number(Browser browser, String script) {
    return ((Number) browser.script(script)).doubleValue();
  }

  private static String row(String what, String format, double value) {
    return "| " + what + " | " + String.format(format, value) + " |";
  }
}
