package org.portpass.itest.web;

import java.util.List;
import org.openqa.selenium.WebElement;

/** The list of the company's persons with its search. */
class PersonsPage {
  private final Browser browser;

  PersonsPage(Browser browser) {
    this.browser = browser;
  }

  static PersonsPage open(Browser browser) {
    browser.go("/persons");
    browser.waitFor("#add-person");
    return new PersonsPage(browser);
  }

  PersonEditPage add() {
    browser.click("#add-person");
    browser.waitFor("#person-save");
    return new PersonEditPage(browser);
  }

  /** Searches and returns the names listed (waits for the list to answer). */
  List<String> search(String text) {
    browser.type("#person-search", text);
    browser.click("#person-search-submit");
    // the list shows which search it answers, so an earlier list is never taken for this one
    browser.waitFor(
        "#person-results[data-searched=\"" + text.strip().replace("\"", "\\\"") + "\"]");
    return browser.all("#persons .person-link").stream().map(WebElement::getText).toList();
  }

  PersonDetailPage openPerson(String name) {
    browser.all("#persons .person-link").stream()
        .filter(a -> a.getText().contains(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no person " + name))
        .click();
    browser.waitFor("#person-name");
    return new PersonDetailPage(browser);
  }
}
