package org.portpass.itest.web;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The new-form wizard: basics, persons and vehicles, dates and attachments, check and submit. */
class FormWizardPage {
  private final Browser browser;

  FormWizardPage(Browser browser) {
    this.browser = browser;
  }

  static FormWizardPage start(Browser browser) {
    browser.go("/forms");
    browser.click("#new-form");
    browser.waitFor("#passType-0");
    return new FormWizardPage(browser);
  }

  String step() {
    return browser.find("main h1").getText();
  }

  FormWizardPage longTerm() {
    browser.click("#passType-0");
    return this;
  }

  FormWizardPage temporary() {
    browser.click("#passType-1");
    return this;
  }

  FormWizardPage accessPort(String code) {
    browser.click("input[name=accessPorts][value=" + code + "]");
    return this;
  }

  FormWizardPage pickupPort(String code) {
    browser.click("input[name=pickupPort][value=" + code + "]");
    return this;
  }

  /** The port requirements box, shown as soon as ports are chosen. */
  String requirements() {
    return browser.find("#port-requirements").getText();
  }

  FormWizardPage next() {
    String before = step();
    browser.click("#wizard-next");
    browser.changedText("main h1", before);
    return this;
  }

  FormWizardPage previous() {
    String before = step();
    browser.click("#wizard-previous");
    browser.changedText("main h1", before);
    return this;
  }

  /** Filters the picker and ticks the first match. */
  FormWizardPage pick(String kind, String text) {
    browser.click(kind.equals("PERSON") ? "#pickerKind-0" : "#pickerKind-1");
    browser.type("#picker-search", text);
    WebElement box =
        new WebDriverWait(browser.driver, Duration.ofSeconds(20))
            .until(
                d -> {
                  List<WebElement> boxes = browser.all("#picker input[type=checkbox]");
                  return boxes.size() == 1 ? boxes.get(0) : null;
                });
    if (!box.isSelected()) {
      box.click();
    }
    return this;
  }

  /** Ticks every subject of the kind shown in the picker. */
  FormWizardPage pickAllShown(String kind, String filter) {
    browser.click(kind.equals("PERSON") ? "#pickerKind-0" : "#pickerKind-1");
    browser.type("#picker-search", filter);
    browser.click("#select-all-shown");
    return this;
  }

  String selectedCount() {
    return browser.find("#selected-count").getText();
  }

  FormWizardPage applyToAll(String from, String to) {
    browser.setDate("#all-validFrom", from);
    browser.setDate("#all-validTo", to);
    browser.click("#apply-to-all");
    return this;
  }

  String lineDate(int index, String field) {
    return browser.find("#lines-" + index + "-" + field).getAttribute("value");
  }

  FormWizardPage lineDate(int index, String field, String value) {
    browser.setDate("#lines-" + index + "-" + field, value);
    return this;
  }

  int lines() {
    return browser.all("#lines .line").size();
  }

  /** Waits until the lines are shown and every line's attachments are loaded. */
  FormWizardPage awaitAttachments() {
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(
            d ->
                !browser.all("#lines .line").isEmpty()
                    && browser.all("#lines .line").stream()
                        .allMatch(
                            l -> !l.getText().contains("載入中") && !l.getText().contains("Loading")));
    return this;
  }

  FormWizardPage saveDraft() {
    browser.click("#save-draft");
    browser.waitFor(".banner");
    return this;
  }

  /** Submits on the check-your-answers step and waits for the form's page. */
  FormDetailPage submit() {
    browser.click("#wizard-submit");
    browser.waitFor("#form-number");
    return new FormDetailPage(browser);
  }

  /** Submits and expects problems: returns the error summary's text. */
  String submitFails() {
    browser.click("#wizard-submit");
    return browser.find(".error-summary").getText();
  }

  /** Follows the error summary's link number {@code n} (from 0) to its field. */
  void followProblem(int n) {
    browser.all(".error-summary a").get(n).click();
  }

  String focusedId() {
    return String.valueOf(browser.script("return document.activeElement.id"));
  }
}
