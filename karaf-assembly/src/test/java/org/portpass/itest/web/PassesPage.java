package org.portpass.itest.web;

/** The company's passes with state and validity. */
class PassesPage {
  private final Browser browser;

  PassesPage(Browser browser) {
    this.browser = browser;
  }

  static PassesPage open(Browser browser) {
    browser.go("/passes");
    browser.waitFor("#filter-passes");
    return new PassesPage(browser);
  }

  String table() {
    return browser.find("#passes").getText();
  }
}
