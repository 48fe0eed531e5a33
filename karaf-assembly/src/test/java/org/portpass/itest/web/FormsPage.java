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

  /** Whether the draft box lists the draft, once it has loaded (the heading shows before). */
  boolean hasDraft(long id) {
    browser.waitFor("#drafts-heading");
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Browser.WAIT)
        .until(d -> !draftsLoading());
    return !browser.all("#draft-" + id).isEmpty();
  }

  /** The draft box still says it is loading (the paragraph right after its heading). */
  private boolean draftsLoading() {
    var next = browser.all("#drafts-heading + p");
    return !next.isEmpty() && next.get(0).getText().matches("(載入中|Loading).*");
  }
}
