package org.portpass.itest.web;

/** Adding or changing a person. */
class PersonEditPage {
  private final Browser browser;

  PersonEditPage(Browser browser) {
    this.browser = browser;
  }

  /** The company shown (filled in from the account, not typed). */
  String company() {
    return browser.find("#person-company").getText();
  }

  PersonEditPage nationalId(String number, String nameZh, String nameEn) {
    browser.click("#identityKind-0");
    browser.type("#identityNumber", number);
    browser.type("#nameZh", nameZh);
    browser.type("#nameEn", nameEn);
    browser.setDate("#birthDate", "1985-03-14");
    return this;
  }

  PersonDetailPage save() {
    browser.click("#person-save");
    browser.waitFor("#person-name");
    return new PersonDetailPage(browser);
  }

  /** Saves and expects the error summary; returns its text. */
  String saveFails() {
    browser.click("#person-save");
    return browser.find(".error-summary").getText();
  }

  String fieldError(String id) {
    return browser.find("#" + id + "-error").getText().replaceAll("\\s", "");
  }
}
