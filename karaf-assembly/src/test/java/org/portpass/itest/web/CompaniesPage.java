package org.portpass.itest.web;

import java.time.Duration;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Customer service's companies: search, verify, and the new-company form. */
class CompaniesPage {
  final Browser browser;

  CompaniesPage(Browser browser) {
    this.browser = browser;
    browser.waitFor("#add-company");
  }

  static CompaniesPage open(Browser browser) {
    browser.go("/admin/companies");
    return new CompaniesPage(browser);
  }

  /** Fills the new-company form and submits it; returns the error summary or the banner. */
  String create(String taxId, String name) {
    browser.click("#add-company");
    browser.waitFor("#company-save");
    if (taxId != null) {
      browser.type("#taxId", taxId);
    }
    if (name != null) {
      browser.type("#name", name);
    }
    browser.click("#company-save");
    return browser.find(".banner, .error-summary").getText();
  }

  /** Searches by tax ID and waits for that company's row. */
  CompaniesPage search(String taxId) {
    browser.type("#company-search", taxId);
    browser.click("#company-search-submit");
    new WebDriverWait(browser.driver, Duration.ofSeconds(20))
        .until(
            d -> {
              var rows = browser.all("#companies .company-row");
              return rows.size() == 1 && taxId.equals(rows.get(0).getAttribute("data-tax-id"));
            });
    return this;
  }

  /** The status shown for the company with this tax ID. */
  String status(String taxId) {
    return browser.find("tr[data-tax-id='" + taxId + "'] .tag").getText();
  }

  String verify(String taxId) {
    String before = browser.all(".banner").isEmpty() ? "" : browser.find(".banner").getText();
    browser.click("tr[data-tax-id='" + taxId + "'] button");
    return browser.changedText(".banner", before);
  }
}
