package org.portpass.itest.web;

/** The audit trail search. */
class AuditPage {
  final Browser browser;

  AuditPage(Browser browser) {
    this.browser = browser;
    browser.waitFor("#audit-search-submit");
  }

  static AuditPage open(Browser browser) {
    browser.go("/admin/audit");
    return new AuditPage(browser);
  }

  /** Searches by actor and action prefix; returns the result table's text. */
  String search(String actor, String action) {
    browser.type("#actor", actor);
    browser.type("#action", action);
    browser.click("#audit-search-submit");
    browser.waitForText("#events", actor);
    return browser.find("#events").getText();
  }
}
