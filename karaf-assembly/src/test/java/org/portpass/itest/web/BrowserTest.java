package org.portpass.itest.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A browser test: skipped with a message without Chromium (a failure under {@code
 * -Dportpass.browser=required}); each test gets a fresh desktop-sized browser, and the screen it
 * ends on is saved as {@code target/screenshots/<class>-<test>.png}.
 */
abstract class BrowserTest {
  protected Browser browser;

  @BeforeAll
  static void server() {
    Browser.assumeAvailable();
  }

  @BeforeEach
  void open() {
    browser = Browser.open(1280, 1000);
  }

  @AfterEach
  void close(TestInfo test) {
    browser.screenshot(
        getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
    browser.close();
  }
}
