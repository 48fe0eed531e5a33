package org.portpass.itest.web;

import java.time.Duration;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The card desk: the port's jobs and desks; one job with its card face and operator actions. */
class DeskPage {
  final Browser browser;

  DeskPage(Browser browser) {
    this.browser = browser;
  }

  static DeskPage open(Browser browser) {
    browser.go("/desk");
    browser.waitFor("#jobs, #no-jobs");
    return new DeskPage(browser);
  }

  /** Runs the next job on a desk; returns the message shown. */
  String runNext(String desk) {
    browser.click("#run-" + desk);
    return browser.find(".banner, #run-error").getText();
  }

  /**
   * Opens the job of a pass, reloading the list until it appears (the desk may still be making it).
   */
  DeskPage openJobOf(String passNumber) {
    new WebDriverWait(browser.driver, Duration.ofSeconds(60))
        .until(
            d -> {
              if (browser.all("#jobs .job-link").stream()
                  .anyMatch(a -> a.getText().equals(passNumber))) {
                return true;
              }
              browser.driver.navigate().refresh();
              browser.waitFor("#jobs, #no-jobs");
              return false;
            });
    browser.all("#jobs .job-link").stream()
        .filter(a -> a.getText().equals(passNumber))
        .findFirst()
        .orElseThrow()
        .click();
    browser.waitFor("#job-status");
    return this;
  }

  /** Waits until the open job is DONE (reloading it), as the simulated desk finishes the card. */
  DeskPage awaitReadyForPickup() {
    new WebDriverWait(browser.driver, Duration.ofSeconds(60))
        .until(
            d -> {
              if (!browser.all("#hand-over").isEmpty()) {
                return true;
              }
              browser.driver.navigate().refresh();
              browser.waitFor("#job-status");
              return false;
            });
    return this;
  }

  String status() {
    return browser.find("#job-status").getText();
  }

  /** The card face image's natural width once loaded (0 if it did not load). */
  long cardFaceWidth() {
    browser.waitFor("#card-face");
    new WebDriverWait(browser.driver, Duration.ofSeconds(20))
        .until(
            d -> (Boolean) browser.script("return document.querySelector('#card-face').complete"));
    return (Long) browser.script("return document.querySelector('#card-face').naturalWidth");
  }

  String handOverFails() {
    browser.click("#hand-over");
    return browser.find(".error-summary").getText();
  }

  String handOver(String collectedBy) {
    browser.type("#collectedBy", collectedBy);
    browser.click("#hand-over");
    return browser.find("#job-collected").getText();
  }

  String reportLost(String reason) {
    browser.click("#lost-details summary");
    browser.type("#lostReason", reason);
    String before = browser.all(".banner").isEmpty() ? "" : browser.find(".banner").getText();
    browser.click("#report-lost");
    return browser.changedText(".banner", before);
  }

  String attempts() {
    return browser.find("#attempts").getText();
  }

  String cards() {
    return browser.find("#cards").getText();
  }
}
