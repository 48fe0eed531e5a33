package org.portpass.itest.web;

/** The list of application forms: the draft box and the submitted forms. */
class FormsPage {
  private final Browser browser;

  FormsPage(Browser browser) {
    this.browser = browser;
  }

  static FormsPage open(Browser browser) {
    browser.go("/forms");
    browser.waitFor("#new-form");
    browser.waitFor("#drafts-heading");
    return new FormsPage(browser);
  }

  /** Continues a draft from the draft box. */
  FormWizardPage continueDraft(long id) {
    browser.click("#draft-" + id);
    browser.waitFor("#wizard-next");
    return new FormWizardPage(browser);
  }

  boolean hasDraft(long id) {
    browser.waitFor("#drafts-heading");
    return !browser.all("#draft-" + id).isEmpty();
  }
}
