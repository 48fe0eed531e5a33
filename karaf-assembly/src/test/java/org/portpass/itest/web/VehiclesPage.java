package org.portpass.itest.web;

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The company's vehicles: add one, its details and attachments. */
class VehiclesPage {
  private final Browser browser;

  VehiclesPage(Browser browser) {
    this.browser = browser;
  }

  static VehiclesPage open(Browser browser) {
    browser.go("/vehicles");
    browser.waitFor("#add-vehicle");
    return new VehiclesPage(browser);
  }

  /** Adds a vehicle and returns the plate shown on its page (normalised by the server). */
  String add(String plate, String type) {
    browser.click("#add-vehicle");
    browser.waitFor("#vehicle-save");
    browser.find("#vehicle-owner");
    browser.type("#plateNumber", plate);
    new Select(browser.find("#type")).selectByValue(type);
    browser.type("#make", "Hino");
    browser.type("#colour", "白");
    browser.click("#vehicle-save");
    return browser.find("#vehicle-plate").getText();
  }

  VehiclesPage upload(String type, Path file, String validUntil) {
    int before = browser.all("table.attachments tbody tr").size();
    new Select(browser.find("#attachment-type")).selectByValue(type);
    if (validUntil != null) {
      browser.setDate("#attachment-validUntil", validUntil);
    }
    browser.find("#attachment-file").sendKeys(file.toAbsolutePath().toString());
    browser.click("#attachment-upload");
    new WebDriverWait(browser.driver, Duration.ofSeconds(30))
        .until(d -> browser.all("table.attachments tbody tr").size() == before + 1);
    return this;
  }
}
