package org.portpass.itest.web;

import java.util.List;
import org.openqa.selenium.WebElement;

/** A port's review queue at one stage: lines, filters, selection and the bulk decision. */
class ReviewQueuePage {
  final Browser browser;

  ReviewQueuePage(Browser browser) {
    this.browser = browser;
    browser.waitFor("#queue-count");
  }

  static ReviewQueuePage open(Browser browser, String port, String stage) {
    browser.go("/reviews/" + port + "/" + stage);
    return new ReviewQueuePage(browser);
  }

  /** The subject labels of the lines shown, oldest submission first. */
  List<String> subjects() {
    return browser.all("#queue .line-link").stream().map(WebElement::getText).toList();
  }

  /** The line ids shown, in order. */
  List<Long> lineIds() {
    return browser.all("#queue .queue-row").stream()
        .map(r -> Long.valueOf(r.getAttribute("data-line")))
        .toList();
  }

  /** The id of the line whose row mentions the text. */
  long lineOf(String text) {
    return browser.all("#queue .queue-row").stream()
        .filter(r -> r.getText().contains(text))
        .map(r -> Long.valueOf(r.getAttribute("data-line")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line of " + text + " in the queue"));
  }

  String count() {
    return browser.find("#queue-count").getText();
  }

  ReviewQueuePage search(String text) {
    browser.type("#queue-search", text);
    return this;
  }

  ReviewLinePage openLine(long lineId) {
    browser.click("#line-" + lineId);
    return new ReviewLinePage(browser);
  }

  ReviewQueuePage select(long lineId) {
    browser.click("#select-" + lineId);
    return this;
  }

  /**
   * Rejects the selected lines (reason null: leaves it empty) and returns the banner or error text.
   */
  String rejectSelected(String reason) {
    browser.click("#decision-1");
    if (reason != null) {
      browser.type("#reason", reason);
    }
    return decide();
  }

  String approveSelected() {
    browser.click("#decision-0");
    return decide();
  }

  private String decide() {
    String before = outcome();
    browser.click("#decide-selected");
    return browser.changedText(".banner, .error-summary", before);
  }

  private String outcome() {
    return browser.all(".banner, .error-summary").isEmpty()
        ? ""
        : browser.find(".banner, .error-summary").getText();
  }
}
