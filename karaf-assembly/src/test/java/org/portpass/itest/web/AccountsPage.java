package org.portpass.itest.web;

import java.util.List;

/** Accounts: the list, the new-account form and an account's roles and status. */
class AccountsPage {
  final Browser browser;

  AccountsPage(Browser browser) {
    this.browser = browser;
    browser.waitFor("#add-account");
  }

  static AccountsPage open(Browser browser) {
    browser.go("/admin/accounts");
    return new AccountsPage(browser);
  }

  /** Creates an account with roles (their checkbox indexes) and, for port roles, ports. */
  String create(String username, String password, List<Integer> roles, List<Integer> ports) {
    browser.click("#add-account");
    browser.waitFor("#account-save");
    browser.type("#username", username);
    browser.type("#password", password);
    roles.forEach(i -> browser.click("#roles-" + i));
    ports.forEach(i -> browser.click("#ports-" + i));
    browser.click("#account-save");
    return browser.find(".banner, .error-summary").getText();
  }

  AccountsPage openAccount(String username) {
    browser.type("#account-search", username);
    browser.click("#account-search-submit");
    browser.click("#account-" + username);
    browser.waitFor("#account-save");
    return this;
  }

  /** Disables the open account and saves; returns the banner. */
  String disable() {
    browser.click("#status-1");
    browser.click("#account-save");
    return browser.find(".banner").getText();
  }
}
