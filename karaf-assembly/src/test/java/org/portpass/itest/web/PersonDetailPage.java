package org.portpass.itest.web;

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One person: details, attachments with upload and preview, delete. */
class PersonDetailPage {
  private final Browser browser;

  PersonDetailPage(Browser browser) {
    this.browser = browser;
  }

  String name() {
    return browser.find("#person-name").getText();
  }

  /** Uploads a file as an attachment of the given type and waits until it is listed. */
  PersonDetailPage upload(String type, Path file, String validUntil) {
    int before = browser.all("table.attachments tbody tr").size();
    browser.find("#attachment-type");
    new org.openqa.selenium.support.ui.Select(browser.find("#attachment-type")).selectByValue(type);
    if (validUntil != null) {
      browser.setDate("#attachment-validUntil", validUntil);
    }
    browser.find("#attachment-file").sendKeys(file.toAbsolutePath().toString());
    browser.click("#attachment-upload");
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(d -> browser.all("table.attachments tbody tr").size() == before + 1);
    return this;
  }

  /** Opens the preview of the first attachment; true when the image has loaded. */
  boolean previewFirst() {
    browser.click(".preview-button");
    browser.waitFor("#attachment-preview");
    return (Boolean)
        browser.script(
            "const i = document.querySelector('#attachment-preview');"
                + " return i.complete && i.naturalWidth > 0 && i.src.startsWith('blob:');");
  }

  /** Deletes the person; returns the refusal shown, or null when the person was deleted. */
  String delete() {
    browser.click("#delete-person");
    browser.driver.switchTo().alert().accept();
    new WebDriverWait(browser.driver, Duration.ofSeconds(20))
        .until(
            d -> !browser.all("#delete-error").isEmpty() || !browser.all("#add-person").isEmpty());
    return browser.all("#delete-error").isEmpty() ? null : browser.find("#delete-error").getText();
  }
}
