package org.portpass.itest.web;

import java.time.Duration;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A submitted form: each line's state and timeline, return reasons, fix and resubmit, cancel. */
class FormDetailPage {
  private final Browser browser;

  FormDetailPage(Browser browser) {
    this.browser = browser;
  }

  static FormDetailPage open(Browser browser, long id) {
    browser.go("/forms/" + id);
    browser.waitFor("#form-number");
    return new FormDetailPage(browser);
  }

  String number() {
    return browser.find("#form-number").getText();
  }

  long id() {
    String hash = browser.driver.getCurrentUrl().replaceAll(".*#/forms/(\\d+).*", "$1");
    return Long.parseLong(hash);
  }

  String line(long lineId) {
    return browser.find("#line-" + lineId).getText();
  }

  String reason(long lineId) {
    return browser.find("#line-" + lineId + " .reason-text").getText();
  }

  /** Opens the fix form of a returned line, changes its end date and resubmits it. */
  FormDetailPage fixAndResubmit(long lineId, String validTo) {
    browser.click("#line-" + lineId + " .fix-line");
    browser.setDate("#fix-validTo", validTo);
    browser.click("#resubmit-line");
    new WebDriverWait(browser.driver, Duration.ofSeconds(20))
        .until(d -> browser.all("#line-" + lineId + " .fix-line").isEmpty());
    return this;
  }
}
