package org.portpass.itest.web;

/** The login screen: direct login, links to MTNet and to the company account application. */
class LoginPage {
  private final Browser browser;

  LoginPage(Browser browser) {
    this.browser = browser;
  }

  static LoginPage open(Browser browser) {
    browser.go("/login");
    browser.waitFor("#login-submit");
    return new LoginPage(browser);
  }

  LoginPage fill(String username, String password) {
    browser.type("#username", username);
    browser.type("#password", password);
    return this;
  }

  /** Logs in and waits for the first screen of the account. */
  ShellPage loginAs(String username) {
    fill(username, "portpass-demo");
    browser.click("#login-submit");
    browser.waitFor("#logout");
    return new ShellPage(browser);
  }

  /** Submits and expects an error summary other than the one shown before. */
  String loginFails() {
    String before =
        browser.all(".error-summary").isEmpty() ? "" : browser.find(".error-summary").getText();
    browser.click("#login-submit");
    return browser.changedText(".error-summary", before);
  }

  String fieldError(String id) {
    return browser.find("#" + id + "-error").getText();
  }
}
