package org.portpass.itest.web;

/** One line under review: the snapshot, attachments, findings, history and the decision. */
class ReviewLinePage {
  final Browser browser;

  ReviewLinePage(Browser browser) {
    this.browser = browser;
    browser.waitFor("#decision-form");
  }

  String subject() {
    return browser.find("#line-subject").getText();
  }

  String snapshot() {
    return browser.find("#snapshot").getText();
  }

  /** Opens the first attachment's preview; returns the preview element's tag (img or iframe). */
  String previewFirstAttachment() {
    browser.click("pp-attachments .preview-button");
    return browser.find("#attachment-preview").getTagName();
  }

  String history() {
    return browser.all("#history").isEmpty() ? "" : browser.find("#history").getText();
  }

  /** Rejects; a null reason leaves the reason empty. Returns the error summary's text. */
  String rejectFails(String reason) {
    browser.click("#decision-1");
    if (reason != null) {
      browser.type("#reason", reason);
    }
    String before =
        browser.all(".error-summary").isEmpty() ? "" : browser.find(".error-summary").getText();
    browser.click("#decide");
    return browser.changedText(".error-summary", before);
  }

  String fieldError(String id) {
    return browser.find("#" + id + "-error").getText();
  }

  /** Rejects with a reason; back on the queue. */
  ReviewQueuePage reject(String reason) {
    browser.click("#decision-1");
    browser.type("#reason", reason);
    browser.click("#decide");
    browser.waitFor(".banner");
    return new ReviewQueuePage(browser);
  }

  ReviewQueuePage approve() {
    browser.click("#decision-0");
    browser.click("#decide");
    browser.waitFor(".banner");
    return new ReviewQueuePage(browser);
  }
}
